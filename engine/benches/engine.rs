//! Native throughput of the whole analysis (issue #3 "Speed", issue #6 item 5): MB of
//! article text analysed per second on the seeds, and how time grows from 10 to 1,000
//! synthetic articles (it must stay linear: flat time per article).
//!
//! Run with `cargo bench -p parallax-engine --bench engine`. Criterion reports time per
//! iteration and, through `Throughput::Bytes`, MB/s.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use parallax_engine::{analyze, corpus, synth};
use std::hint::black_box;
use std::path::Path;

fn seeds() -> corpus::Bundle {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    corpus::load_bundle(&dir)
        .unwrap_or_else(|e| panic!("cannot load {}: {}", dir.display(), e.message))
}

fn bytes(corpus: &corpus::Corpus) -> u64 {
    corpus.articles.iter().map(|a| a.text.len() as u64).sum()
}

fn bench_seeds(c: &mut Criterion) {
    let bundle = seeds();
    let mut group = c.benchmark_group("analyze_seeds");
    group.throughput(Throughput::Bytes(bytes(&bundle.corpus)));
    group.bench_function("5 seeds", |b| {
        b.iter(|| analyze(black_box(&bundle.corpus), black_box(&bundle.gazetteer)))
    });
    group.finish();
}

fn bench_scaling(c: &mut Criterion) {
    let bundle = seeds();
    let mut group = c.benchmark_group("analyze_synthetic");
    group.sample_size(10);
    for n in [10, 100, 1000] {
        let corpus = synth::synth_corpus(&bundle.corpus, &bundle.gazetteer, n, 42);
        group.throughput(Throughput::Bytes(bytes(&corpus)));
        group.bench_with_input(BenchmarkId::from_parameter(n), &corpus, |b, corpus| {
            b.iter(|| analyze(black_box(corpus), black_box(&bundle.gazetteer)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_seeds, bench_scaling);
criterion_main!(benches);

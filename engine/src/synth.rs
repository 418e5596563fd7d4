//! A deterministic synthetic corpus for benchmarks and scale tests: any number of articles
//! recombined from a few real ones, varied rather than copied.
//!
//! Each synthetic article takes a headline line from one seed and three to eight
//! paragraphs drawn from all seeds; within a paragraph the sentence order may be permuted,
//! person names of the gazetteer that occur are swapped for other gazetteer persons, and
//! numbers are renumbered. The generator is driven by a small hand-written PRNG
//! (SplitMix64) from a fixed seed, so the same inputs always give the same corpus, on
//! every platform, with no dependency and no clock.

use crate::corpus::{Article, ArticleMeta, Corpus};
use crate::gazetteer::Gazetteer;
use crate::model::ActorKind;

/// SplitMix64: a tiny, well-mixed 64-bit PRNG (Steele, Lea and Flood, 2014).
#[derive(Clone, Debug)]
pub struct Prng(u64);

impl Prng {
    pub fn new(seed: u64) -> Prng {
        Prng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// Builds `n_articles` synthetic articles from `seeds` (see the module documentation).
/// Ids are `synth_0000`, `synth_0001`, …; outlets `Synthetic outlet N` (N below 50).
pub fn synth_corpus(seeds: &Corpus, gazetteer: &Gazetteer, n_articles: usize, seed: u64) -> Corpus {
    let mut rng = Prng::new(seed);
    let mut headlines: Vec<&str> = Vec::new();
    let mut paragraphs: Vec<&str> = Vec::new();
    for article in &seeds.articles {
        let mut lines = article
            .text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("date "));
        if let Some(first) = lines.next() {
            headlines.push(first);
        }
        paragraphs.extend(lines);
    }
    let persons: Vec<&str> = gazetteer
        .actors
        .iter()
        .filter(|e| e.kind == ActorKind::Person)
        .map(|e| e.name.as_str())
        .collect();

    let articles = (0..n_articles)
        .map(|i| {
            let mut text = String::new();
            if !headlines.is_empty() {
                text.push_str(headlines[rng.below(headlines.len())]);
                text.push_str("\n\n");
            }
            let n_paragraphs = 3 + rng.below(6);
            for _ in 0..n_paragraphs {
                if paragraphs.is_empty() {
                    break;
                }
                let p = paragraphs[rng.below(paragraphs.len())];
                let p = permute_sentences(p, &mut rng);
                let p = swap_persons(&p, &persons, &mut rng);
                let p = renumber(&p, &mut rng);
                text.push_str(&p);
                text.push_str("\n\n");
            }
            Article {
                id: format!("synth_{i:04}"),
                text,
                meta: ArticleMeta {
                    outlet: Some(format!("Synthetic outlet {}", i % 50)),
                    ..ArticleMeta::default()
                },
            }
        })
        .collect();
    Corpus { articles }
}

/// Half the time, the paragraph's sentences (split after ". ") in another order.
fn permute_sentences(paragraph: &str, rng: &mut Prng) -> String {
    let mut sentences: Vec<&str> = paragraph.split_inclusive(". ").collect();
    if sentences.len() < 2 || !rng.chance(50) {
        return paragraph.to_owned();
    }
    for i in (1..sentences.len()).rev() {
        let j = rng.below(i + 1);
        sentences.swap(i, j);
    }
    let joined: Vec<String> = sentences.iter().map(|s| s.trim().to_owned()).collect();
    joined.join(" ")
}

/// Each gazetteer person named in the paragraph is, with probability 0.3, replaced by
/// another gazetteer person everywhere in it.
fn swap_persons(paragraph: &str, persons: &[&str], rng: &mut Prng) -> String {
    let mut out = paragraph.to_owned();
    for &name in persons {
        if name.len() > 3 && out.contains(name) && rng.chance(30) {
            let other = persons[rng.below(persons.len())];
            out = out.replace(name, other);
        }
    }
    out
}

/// Every run of digits replaced by a random run of the same length (no leading zero).
fn renumber(paragraph: &str, rng: &mut Prng) -> String {
    let mut out = String::with_capacity(paragraph.len());
    let mut first_digit = true;
    for c in paragraph.chars() {
        if c.is_ascii_digit() {
            let d = if first_digit {
                1 + rng.below(9)
            } else {
                rng.below(10)
            };
            out.push(char::from(b'0' + d as u8));
            first_digit = false;
        } else {
            out.push(c);
            first_digit = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Corpus {
        let texts = [
            "Leaders Meet - Reports\n\nAlice Martin said 1,500 troops. Bob Stone agreed. Talks went on.\n\nA second paragraph here.",
            "Another Headline\n\nMarkets rose 3 percent. Prices fell.\n\nBob Stone spoke in 2024.",
        ];
        Corpus {
            articles: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Article {
                    id: format!("s{i}"),
                    text: (*t).to_owned(),
                    ..Article::default()
                })
                .collect(),
        }
    }

    fn gazetteer() -> Gazetteer {
        toml::from_str(
            "[[actor]]\nname = \"Alice Martin\"\nkind = \"person\"\n\n[[actor]]\nname = \"Bob Stone\"\nkind = \"person\"\n",
        )
        .unwrap_or_default()
    }

    #[test]
    fn the_same_seed_gives_the_same_corpus_and_another_seed_another() {
        let a = synth_corpus(&seeds(), &gazetteer(), 20, 7);
        let b = synth_corpus(&seeds(), &gazetteer(), 20, 7);
        let c = synth_corpus(&seeds(), &gazetteer(), 20, 8);
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(a.articles.len(), 20);
        assert_eq!(a.articles[13].id, "synth_0013");
    }

    #[test]
    fn synthetic_articles_are_varied_not_copies() {
        let corpus = synth_corpus(&seeds(), &gazetteer(), 50, 1);
        let mut texts: Vec<&str> = corpus.articles.iter().map(|a| a.text.as_str()).collect();
        texts.sort_unstable();
        texts.dedup();
        assert!(
            texts.len() >= 40,
            "only {} distinct texts of 50",
            texts.len()
        );
    }

    #[test]
    fn an_empty_seed_corpus_gives_empty_articles_without_panicking() {
        let corpus = synth_corpus(&Corpus::default(), &Gazetteer::default(), 3, 1);
        assert_eq!(corpus.articles.len(), 3);
        assert!(corpus.articles.iter().all(|a| a.text.is_empty()));
    }
}

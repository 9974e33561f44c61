//! Near-duplicate fingerprints: MinHash over word shingles, banded for lookup (LSH).
//!
//! The same wire story in two outlets, or a page saved twice with other furniture, shares most
//! of its 5-word shingles; two different articles on one topic share few. Hashes are FNV-1a and
//! SplitMix64, fixed arithmetic, so fingerprints stored in an archive stay valid across builds
//! and Rust versions (std's hasher promises neither).

use std::collections::HashSet;

const SHINGLE_WORDS: usize = 5;
const BANDS: usize = 16;
const ROWS: usize = 4;
/// Articles at or above this shingle overlap (Jaccard) are linked as near-duplicates.
pub const SIMILAR: f64 = 0.5;

fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The set of hashed word shingles of a text, case- and punctuation-insensitive.
pub fn shingles(text: &str) -> HashSet<u64> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < SHINGLE_WORDS {
        return words.iter().map(|w| fnv1a(w.as_bytes(), 0)).collect();
    }
    words.windows(SHINGLE_WORDS).map(|w| fnv1a(w.join(" ").as_bytes(), 0)).collect()
}

/// One of the MinHash permutations: SplitMix64's finaliser over the shingle hash and a seed,
/// a few multiplications where hashing the bytes again would take eight.
fn permute(shingle: u64, seed: u64) -> u64 {
    let mut z = shingle ^ (seed + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Band hashes of the MinHash signature: two texts sharing any band are candidates.
pub fn bands(shingles: &HashSet<u64>) -> Vec<(u32, i64)> {
    if shingles.is_empty() {
        return Vec::new();
    }
    let mut signature = [u64::MAX; BANDS * ROWS];
    for &shingle in shingles {
        for (seed, min) in signature.iter_mut().enumerate() {
            *min = (*min).min(permute(shingle, seed as u64));
        }
    }
    signature
        .chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let bytes: Vec<u8> = rows.iter().flat_map(|r| r.to_le_bytes()).collect();
            // SQLite integers are signed; the bit pattern is what matters.
            (band as u32, fnv1a(&bytes, 0) as i64)
        })
        .collect()
}

pub fn jaccard(a: &HashSet<u64>, b: &HashSet<u64>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count();
    shared as f64 / (a.len() + b.len() - shared) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "North Korea has switched the transmission of its state television \
        broadcasts from a Chinese satellite to a Russian one, a South Korean ministry of \
        unification official said on Monday, complicating the monitoring of Pyongyang's \
        broadcasts. Analysts said the move reflected closer military ties with Moscow.";

    #[test]
    fn a_syndicated_copy_with_other_furniture_is_similar() {
        let copy = format!("Share this article\n{STORY}\nRead more: Seoul weighs response");
        let (a, b) = (shingles(STORY), shingles(&copy));
        assert!(jaccard(&a, &b) >= SIMILAR);
        let shared = bands(&a).iter().filter(|band| bands(&b).contains(band)).count();
        assert!(shared > 0, "the copy is found through a shared band");
    }

    #[test]
    fn another_story_on_the_same_topic_is_not() {
        let other = "Russia and North Korea opened a road bridge across the Tumen River on \
            Wednesday, the first fixed road link between the two countries, officials said.";
        assert!(jaccard(&shingles(STORY), &shingles(other)) < 0.1);
    }

    #[test]
    fn fingerprints_are_stable_across_builds() {
        // The published FNV-1a 64 value of "sourcebook": a changed hash would orphan every
        // fingerprint already stored.
        assert_eq!(fnv1a(b"sourcebook", 0), 0xaf60_ed06_288e_df8d);
        assert_eq!(bands(&shingles("")).len(), 0);
    }
}

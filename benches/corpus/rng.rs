//! A seeded random source (SplitMix64): every run, and every machine, generates the same
//! archive, so two benchmark tables differ by the engines and never by the data.

pub struct Rng(u64);

impl Rng {
    /// One generator per article, so article n is the same whatever the corpus size.
    pub fn for_item(seed: u64, n: u64) -> Rng {
        let mut mixer = Rng(seed ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        Rng(mixer.next_u64())
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is far below anything a benchmark sees.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn range(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Skewed towards the front of the list (index ~ n·u²), the way a few words and people
    /// dominate news while a long tail appears now and then.
    pub fn skewed<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.skewed_index(items.len())]
    }

    pub fn skewed_index(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((u * u) * n as f64) as usize
    }

    /// An index chosen by weight.
    pub fn weighted(&mut self, weights: &[usize]) -> usize {
        let mut roll = self.below(weights.iter().sum());
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        weights.len() - 1
    }
}

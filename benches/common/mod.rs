//! Generated data shared by the benches.

/// A tiny deterministic generator (xorshift64*), so generated data is the
/// same on every run.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    #[allow(dead_code)] // used by one bench only
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

/// A pronounceable made-up name ("Velmorakan"), unique per `i`.
pub fn made_up_name(rng: &mut Rng, i: usize) -> String {
    const SYL: &[&str] = &[
        "ka", "ve", "lor", "mun", "tes", "sar", "quil", "dor", "ben", "fay", "gri", "hol", "zan", "pev", "rith", "osk",
    ];
    let mut s = String::new();
    for _ in 0..2 + rng.below(2) {
        s.push_str(SYL[rng.below(SYL.len())]);
    }
    // Base-26 suffix keeps names unique without digits.
    let mut n = i;
    loop {
        s.push((b'a' + (n % 26) as u8) as char);
        n /= 26;
        if n == 0 {
            break;
        }
    }
    let mut c = s.chars();
    let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('X');
    std::iter::once(first).chain(c).collect()
}

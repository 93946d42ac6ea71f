//! The number format of the encoder's matrix products at inference, and the choice of one for
//! the CPU at hand. The weights are stored fp16 and loaded as fp32; [`Precision::Bf16`]
//! converts the linear layers' weights to bfloat16 once at load so oneDNN runs the products on
//! the CPU's bf16 dot-product units (twice the fp32 rate on Zen 4 / Sapphire Rapids);
//! [`Precision::Int8`] quantises them to int8 (one scale per matrix) for FBGEMM, with the
//! activations quantised per product; [`Precision::Mixed`] quantises all but one of each
//! layer's four products to int8 and keeps the feed-forward output projection in bf16: its
//! input, the GELU's output, spans a range one int8 scale per product cannot hold (int8 there
//! alone changed a seed quotation; everywhere else, no gate score moved). Layer norms,
//! residuals, attention and the heads stay fp32 in every mode. `reports/speed-accuracy.md`
//! has the accuracy and speed of each.

/// A requested precision: `Auto` picks the fastest one that keeps accuracy on this CPU
/// ([`Precision::resolve`]); the others are taken as asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Precision {
    #[default]
    Auto,
    Fp32,
    Bf16,
    Int8,
    Mixed,
}

impl Precision {
    /// The precision to run with on a CPU with features `cpu`. `Auto` is mixed (int8 and
    /// bf16) where the CPU has bf16 dot products and AVX2 (within 0.005 of fp32 on every score
    /// of the gate, and the fastest such mode), else fp32: without bf16 dot products bf16 is
    /// emulated and slower than fp32. Plain int8 is never picked by `Auto` (it loses more
    /// accuracy than the gate allows); int8 and mixed are refused without AVX2, which FBGEMM
    /// needs. A forced bf16 runs anywhere (emulated).
    pub fn resolve(self, cpu: CpuFeatures) -> Result<Precision, String> {
        match self {
            Precision::Auto if cpu.bf16 && cpu.avx2 => Ok(Precision::Mixed),
            Precision::Auto => Ok(Precision::Fp32),
            Precision::Int8 | Precision::Mixed if !cpu.avx2 => {
                Err(format!("{} needs a CPU with AVX2 (FBGEMM)", self.name()))
            }
            fixed => Ok(fixed),
        }
    }
}

impl Precision {
    /// The flag's spelling (`auto`, `fp32`, `bf16`, `int8`, `mixed`).
    pub fn name(self) -> &'static str {
        match self {
            Precision::Auto => "auto",
            Precision::Fp32 => "fp32",
            Precision::Bf16 => "bf16",
            Precision::Int8 => "int8",
            Precision::Mixed => "mixed",
        }
    }
}

/// The CPU features the choice of precision depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CpuFeatures {
    /// Native bf16 dot products (AVX512-BF16).
    pub bf16: bool,
    /// AVX2, the least FBGEMM's int8 kernels need.
    pub avx2: bool,
}

impl CpuFeatures {
    /// The features of the CPU this process runs on.
    pub fn detect() -> CpuFeatures {
        #[cfg(target_arch = "x86_64")]
        {
            CpuFeatures {
                // CPUs with AMX-BF16 (Sapphire Rapids on) have AVX512-BF16 too.
                bf16: std::arch::is_x86_feature_detected!("avx512bf16"),
                avx2: std::arch::is_x86_feature_detected!("avx2"),
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            CpuFeatures::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_takes_mixed_only_where_the_cpu_has_bf16_and_avx2() {
        let zen4 = CpuFeatures { bf16: true, avx2: true };
        let haswell = CpuFeatures { bf16: false, avx2: true };
        let old = CpuFeatures { bf16: false, avx2: false };
        assert_eq!(Precision::Auto.resolve(zen4), Ok(Precision::Mixed));
        assert_eq!(Precision::Auto.resolve(CpuFeatures { bf16: true, avx2: false }), Ok(Precision::Fp32));
        assert_eq!(Precision::Auto.resolve(haswell), Ok(Precision::Fp32));
        assert_eq!(Precision::Auto.resolve(old), Ok(Precision::Fp32));
        // Forced modes are taken as asked, except int8 where FBGEMM cannot run.
        assert_eq!(Precision::Fp32.resolve(zen4), Ok(Precision::Fp32));
        assert_eq!(Precision::Bf16.resolve(haswell), Ok(Precision::Bf16));
        assert_eq!(Precision::Int8.resolve(haswell), Ok(Precision::Int8));
        assert!(Precision::Int8.resolve(old).unwrap_err().contains("AVX2"));
        assert!(Precision::Mixed.resolve(old).unwrap_err().starts_with("mixed needs"));
        assert_eq!(Precision::Mixed.resolve(haswell), Ok(Precision::Mixed));
    }
}

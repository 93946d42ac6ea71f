//! The encoder's forward pass for inference: the same network and weights as rust-bert's
//! `BertModel` (the variables of [`NerModel`](super::NerModel)'s store, by rust-bert's names),
//! computed with less work. rust-bert runs every padding row of a batch through every layer,
//! writes GELU as five element-wise operations and copies every layer's states; here
//! - the windows of a batch are packed: the linear layers see only real pieces
//!   (`[pieces, hidden]`); attention alone scatters them into the padded `[batch, heads,
//!   length, head]` layout and runs PyTorch's fused attention with a key mask;
//! - query, key and value are one product with weights concatenated at load;
//! - GELU is the fused exact op (the config's `hidden_act` is `gelu`, the erf form);
//! - only the states the heads read are kept ([`FEATURE_LAYER`](super::model::FEATURE_LAYER)'s
//!   and the top layer's);
//! - the matrix products run in the [`Precision`] chosen at load (bf16 weights converted, or
//!   int8 weights quantised, once; `mixed` takes int8 or bf16 per product);
//! - attention itself runs in fp32 whatever the products' precision: PyTorch's fused
//!   attention on bf16 inputs goes through MKL's bf16 products, which on this AMD CPU took
//!   more time than fp32 (4% of the encoder's time on PolNeAR dev, measured batch by batch).
//!
//! Training keeps rust-bert's forward (dropout, gradients); the tests of `model` pin this one
//! to it (fp32 states within 1e-4, the same tags).

use super::precision::Precision;
use std::collections::HashMap;
use tch::{Kind, Scalar, Tensor};

/// BERT's layer-norm epsilon.
const LAYER_NORM_EPS: f64 = 1e-12;
/// The row count bf16 products are rounded up to ([`FastEncoder::rows`]).
const BF16_ROWS: i64 = 64;

/// A linear layer's weights in the form its precision multiplies them.
enum Linear {
    /// fp32 or bf16 weights `[out, in]` and bias; inputs are cast to the weights' kind.
    Dense { weight: Tensor, bias: Tensor },
    /// Weights quantised to int8 with one scale and zero point, packed for FBGEMM; inputs and
    /// outputs fp32 (FBGEMM quantises each input on the fly).
    Int8 { weight: Tensor, packed: Tensor, col_offsets: Tensor, scale: f64, zero_point: i64, bias: Tensor },
}

impl Linear {
    fn new(weight: Tensor, bias: Tensor, precision: Precision) -> Linear {
        match precision {
            Precision::Bf16 => {
                Linear::Dense { weight: weight.to_kind(Kind::BFloat16), bias: bias.to_kind(Kind::BFloat16) }
            }
            Precision::Int8 => quantise(&weight, bias),
            Precision::Fp32 | Precision::Auto => Linear::Dense { weight, bias },
            Precision::Mixed => unreachable!("FastEncoder::new picks int8 or bf16 for each product"),
        }
    }

    /// `x · weightᵀ + bias`, in the kind the precision computes in (bf16 stays bf16).
    fn forward(&self, x: &Tensor) -> Tensor {
        match self {
            Linear::Dense { weight, bias } => x.to_kind(weight.kind()).linear(weight, Some(bias)),
            Linear::Int8 { weight, packed, col_offsets, scale, zero_point, bias } => {
                x.to_kind(Kind::Float).fbgemm_linear_int8_weight_fp32_activation(
                    weight,
                    packed,
                    col_offsets,
                    // One generic type for both: the scale must stay a float, the zero point an integer.
                    Scalar::float(*scale),
                    Scalar::int(*zero_point),
                    bias,
                )
            }
        }
    }
}

/// Asymmetric int8 quantisation of a whole weight matrix `[out, in]`, as aten's
/// `fbgemm_linear_quantize_weight` makes it (which tch does not expose): range widened to
/// hold 0, column offsets `Σₖ q[n, k] − zero_point · in` per output row.
fn quantise(weight: &Tensor, bias: Tensor) -> Linear {
    silence_fbgemm_warnings();
    let (lo, hi) = (weight.min().double_value(&[]).min(0.0), weight.max().double_value(&[]).max(0.0));
    let scale = ((hi - lo) / 255.0).max(f64::MIN_POSITIVE);
    let zero_point = (-128.0 - lo / scale).round().clamp(-128.0, 127.0) as i64;
    let q = ((weight / scale).round() + zero_point as f64).clamp(-128, 127).to_kind(Kind::Int8);
    let inner = weight.size()[1];
    let col_offsets = (q.sum_dim_intlist(1, false, Kind::Int64) - zero_point * inner).to_kind(Kind::Int);
    let packed = q.fbgemm_pack_quantized_matrix();
    Linear::Int8 { weight: q, packed, col_offsets, scale, zero_point, bias }
}

/// PyTorch prints a deprecation warning the first time each of the two FBGEMM int8 operations
/// runs in a process (they work as before, and the libtorch newsmine builds against is pinned
/// by `scripts/setup.sh`). Once per process, before the first int8 weights are packed, both run
/// on a tiny matrix with standard error pointed at `/dev/null`, so that `--precision auto`
/// prints nothing a user should act on. Anything another thread writes to standard error in
/// those few milliseconds (there is nothing else at model-load time) is lost.
fn silence_fbgemm_warnings() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let _quiet = QuietStderr::new();
        let cpu = tch::Device::Cpu;
        let weight = Tensor::zeros([8, 8], (Kind::Int8, cpu));
        let packed = weight.fbgemm_pack_quantized_matrix();
        let _ = Tensor::ones([1, 8], (Kind::Float, cpu)).fbgemm_linear_int8_weight_fp32_activation(
            &weight,
            &packed,
            &Tensor::zeros([8], (Kind::Int, cpu)),
            Scalar::float(1.0),
            Scalar::int(0),
            &Tensor::zeros([8], (Kind::Float, cpu)),
        );
    });
}

/// Standard error pointed at `/dev/null` until dropped (Unix; elsewhere nothing changes).
struct QuietStderr {
    #[cfg(unix)]
    saved: libc::c_int,
}

impl QuietStderr {
    fn new() -> QuietStderr {
        #[cfg(unix)]
        {
            // SAFETY: plain descriptor calls; every failure (-1) leaves standard error as it was.
            unsafe {
                let saved = libc::dup(2);
                let null = libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY);
                if saved >= 0 && null >= 0 {
                    libc::dup2(null, 2);
                }
                if null >= 0 {
                    libc::close(null);
                }
                QuietStderr { saved }
            }
        }
        #[cfg(not(unix))]
        QuietStderr {}
    }
}

impl Drop for QuietStderr {
    fn drop(&mut self) {
        #[cfg(unix)]
        if self.saved >= 0 {
            // SAFETY: `saved` is the descriptor `dup` returned in `new`, still open.
            unsafe {
                libc::dup2(self.saved, 2);
                libc::close(self.saved);
            }
        }
    }
}

struct Layer {
    qkv: Linear,
    attention_out: Linear,
    attention_norm: (Tensor, Tensor),
    intermediate: Linear,
    output: Linear,
    output_norm: (Tensor, Tensor),
}

/// How a batch's pieces are laid out: packed rows `[pieces]` and where each sits in the
/// padded `[batch * length]` layout attention needs.
pub struct Packing {
    batch: i64,
    length: i64,
    pieces: i64,
    /// Row of each packed piece in the padded layout; `None` when there is no padding.
    index: Option<Tensor>,
    /// `[batch, 1, 1, length]`, true on real pieces. Always given: tch passes a missing mask
    /// as an undefined tensor, which PyTorch 2.4's attention refuses.
    key_mask: Tensor,
}

impl Packing {
    /// The packing of sequences of these lengths (pieces).
    pub fn new(lengths: &[usize]) -> Packing {
        let batch = lengths.len() as i64;
        let length = lengths.iter().copied().max().unwrap_or(0) as i64;
        if lengths.iter().all(|&l| l as i64 == length) {
            let key_mask = Tensor::ones([batch, 1, 1, length], (Kind::Bool, tch::Device::Cpu));
            return Packing { batch, length, pieces: batch * length, index: None, key_mask };
        }
        let mut index = Vec::with_capacity(lengths.iter().sum());
        let mut mask = vec![false; (batch * length) as usize];
        for (row, &l) in lengths.iter().enumerate() {
            let base = row * length as usize;
            index.extend((base..base + l).map(|i| i as i64));
            mask[base..base + l].iter_mut().for_each(|m| *m = true);
        }
        Packing {
            batch,
            length,
            pieces: index.len() as i64,
            index: Some(Tensor::from_slice(&index)),
            key_mask: Tensor::from_slice(&mask).view([batch, 1, 1, length]),
        }
    }
}

/// The inference encoder: embeddings' position and type rows, layer norm, and the layers.
pub struct FastEncoder {
    positions: Tensor,
    token_type: Tensor,
    embedding_norm: (Tensor, Tensor),
    layers: Vec<Layer>,
    heads: i64,
    pub precision: Precision,
}

impl FastEncoder {
    /// The encoder from a store's variables by rust-bert's names (`embeddings.…`,
    /// `encoder.layer.{i}.…`), fp32, with `layers` layers of `heads` attention heads, its
    /// linear layers prepared for `precision` (a resolved one: not `Auto`).
    pub fn new(vars: &HashMap<String, Tensor>, layers: usize, heads: i64, precision: Precision) -> FastEncoder {
        let var = |name: &str| {
            vars.get(name).unwrap_or_else(|| panic!("rust-bert's BertModel has variable {name}")).shallow_clone()
        };
        let norm = |prefix: &str| (var(&format!("{prefix}.weight")), var(&format!("{prefix}.bias")));
        // `mixed`: int8 everywhere but the feed-forward output projection ([`Precision::Mixed`]).
        let (int8_or, output_precision) = match precision {
            Precision::Mixed => (Precision::Int8, Precision::Bf16),
            p => (p, p),
        };
        let linear = |prefix: &str, precision| {
            Linear::new(var(&format!("{prefix}.weight")), var(&format!("{prefix}.bias")), precision)
        };
        let layers = (0..layers)
            .map(|i| {
                let p = format!("encoder.layer.{i}");
                let part = |what: &str, end: &str| var(&format!("{p}.attention.self.{what}.{end}"));
                let qkv = Linear::new(
                    Tensor::cat(&[part("query", "weight"), part("key", "weight"), part("value", "weight")], 0),
                    Tensor::cat(&[part("query", "bias"), part("key", "bias"), part("value", "bias")], 0),
                    int8_or,
                );
                Layer {
                    qkv,
                    attention_out: linear(&format!("{p}.attention.output.dense"), int8_or),
                    attention_norm: norm(&format!("{p}.attention.output.LayerNorm")),
                    intermediate: linear(&format!("{p}.intermediate.dense"), int8_or),
                    output: linear(&format!("{p}.output.dense"), output_precision),
                    output_norm: norm(&format!("{p}.output.LayerNorm")),
                }
            })
            .collect();
        FastEncoder {
            positions: var("embeddings.position_embeddings.weight"),
            token_type: var("embeddings.token_type_embeddings.weight").get(0),
            embedding_norm: norm("embeddings.LayerNorm"),
            layers,
            heads,
            precision,
        }
    }

    /// The states `[pieces, hidden]` (fp32) after layer `keep` (0-based) and after the top
    /// layer, for packed input embeddings `[pieces, hidden]` (word and casing embeddings
    /// summed) at `positions` `[pieces]`, laid out by `packing`. Call under `tch::no_grad`.
    pub fn forward(&self, embeds: &Tensor, positions: &Tensor, packing: &Packing, keep: usize) -> (Tensor, Tensor) {
        let x = embeds + self.positions.index_select(0, positions) + &self.token_type;
        let mut x = pad_rows(&layer_norm(&x, &self.embedding_norm), self.rows(packing.pieces));
        let mut kept = None;
        for (i, layer) in self.layers.iter().enumerate() {
            x = self.layer(layer, &x, packing);
            if i == keep {
                kept = Some(x.narrow(0, 0, packing.pieces));
            }
        }
        (kept.expect("the kept layer is one of the encoder's"), x.narrow(0, 0, packing.pieces))
    }

    /// Rows the linear layers multiply for `pieces` pieces. oneDNN compiles (and caches, up to
    /// 1,024) a bf16 kernel for every row count it sees; rounded up to [`BF16_ROWS`], a run
    /// sees a few hundred kernels instead of thousands (on PolNeAR dev with two workers: peak
    /// RSS 579 MiB instead of 876, the same CPU time and output), for at most 63 rows of zeros
    /// per batch. fp32 (MKL) and int8 (FBGEMM) keep no such cache.
    fn rows(&self, pieces: i64) -> i64 {
        match self.precision {
            Precision::Bf16 | Precision::Mixed => (pieces + BF16_ROWS - 1) / BF16_ROWS * BF16_ROWS,
            _ => pieces,
        }
    }

    /// One layer over `x` `[rows, hidden]`: the packed pieces, then rows of padding
    /// ([`FastEncoder::rows`]) that attention leaves out.
    fn layer(&self, layer: &Layer, x: &Tensor, packing: &Packing) -> Tensor {
        let (rows, pieces) = (x.size()[0], packing.pieces);
        let qkv = layer.qkv.forward(x).narrow(0, 0, pieces).to_kind(Kind::Float);
        let hidden3 = qkv.size()[1];
        let hidden = hidden3 / 3;
        let (b, t) = (packing.batch, packing.length);
        let padded = match &packing.index {
            Some(index) => Tensor::zeros([b * t, hidden3], (qkv.kind(), qkv.device())).index_copy_(0, index, &qkv),
            None => qkv,
        };
        // [b, t, 3, heads, head] → three [b, heads, t, head]
        let split = padded.view([b, t, 3, self.heads, hidden / self.heads]).permute([2, 0, 3, 1, 4]);
        let context = Tensor::scaled_dot_product_attention(
            &split.get(0),
            &split.get(1),
            &split.get(2),
            Some(&packing.key_mask),
            0.0,
            false,
            None,
        );
        let context = context.transpose(1, 2).reshape([b * t, hidden]);
        let context = match &packing.index {
            Some(index) => context.index_select(0, index),
            None => context,
        };
        let context = pad_rows(&context, rows);
        let h = layer_norm(&(layer.attention_out.forward(&context).to_kind(Kind::Float) + x), &layer.attention_norm);
        let inner = layer.intermediate.forward(&h).gelu("none");
        layer_norm(&(layer.output.forward(&inner).to_kind(Kind::Float) + &h), &layer.output_norm)
    }
}

/// `x` with rows of zeros appended up to `rows` (itself when it has them).
fn pad_rows(x: &Tensor, rows: i64) -> Tensor {
    let have = x.size()[0];
    if have == rows {
        x.shallow_clone()
    } else {
        x.constant_pad_nd([0, 0, 0, rows - have])
    }
}

fn layer_norm(x: &Tensor, (weight, bias): &(Tensor, Tensor)) -> Tensor {
    let width = x.size()[1];
    x.layer_norm([width], Some(weight), Some(bias), LAYER_NORM_EPS, false)
}

//! `recoupe_bench` owns measurement at scale: [`generate`] writes a corpus of French news
//! from sentence templates, deterministic from a seed, with planted findings and their ground
//! truth; the `recoupe-bench` binary writes such corpora and runs the end-to-end benchmark over
//! them (parse and extract throughput, check and report time, peak memory, planted-finding
//! recall and precision, and the ratio to `grep -c '[0-9]'` over the same files).

pub mod generate;

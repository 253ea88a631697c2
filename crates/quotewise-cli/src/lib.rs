//! The library half of the `quotewise` command: reading inputs
//! ([`input`]), the streaming parallel run ([`pipeline`]) and output
//! formats ([`render`]). The binary (`src/main.rs`) only parses arguments;
//! keeping the rest here lets the fuzz targets and tests drive the JSONL
//! reader directly.
#![deny(missing_docs)]

pub mod input;
pub mod match_cmd;
pub mod pipeline;
pub mod render;

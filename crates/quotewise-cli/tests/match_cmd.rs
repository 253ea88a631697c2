//! Compiles and tests `src/match_cmd.rs` on its own, until `main.rs` wires
//! the `match` subcommand (then its tests also run with the binary's).

#[path = "../src/match_cmd.rs"]
mod match_cmd;

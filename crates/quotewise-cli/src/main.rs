//! The `quotewise` command.

use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("stdin");
    let doc = quotewise::Extractor::new().extract(&text);
    println!("{}", serde_json::to_string(&doc).expect("serializable"));
}

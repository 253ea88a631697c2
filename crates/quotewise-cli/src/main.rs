//! The `quotewise` command.

#![forbid(unsafe_code)]

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use quotewise::ExtractorBuilder;
use quotewise_cli::input::STDIN;
use quotewise_cli::pipeline::{self, Config};
use quotewise_cli::render::Format;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status when some inputs gave error records.
const EXIT_INPUT_ERRORS: u8 = 1;
/// Exit status when the run itself failed (bad option, unwritable output).
const EXIT_FAILURE: u8 = 2;

/// Find who said what in news text: quotations, their speakers and entities.
#[derive(Debug, Parser)]
#[command(name = "quotewise", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract quotes, speakers and entities from texts.
    Extract(ExtractArgs),
    /// Print the gazetteer mentions of each TEXT (one JSON line per text).
    Match(MatchArgs),
}

#[derive(Debug, Args)]
struct MatchArgs {
    /// The gazetteer: CSV/TSV (header id,name,aliases,kind,descriptors,gender)
    /// or JSONL.
    #[arg(long, value_name = "FILE")]
    gazetteer: PathBuf,

    /// Texts to match.
    #[arg(value_name = "TEXT", required = true)]
    texts: Vec<String>,
}

const EXTRACT_HELP: &str = "\
OUTPUT:
  JSON (default): one line per input file, or with --jsonl one line per input
  line, in input order. A document is {\"id\", \"quotes\", \"entities\"}; an input
  that cannot be read is an error record {\"id\": ID or null, \"error\": \"FILE:line
  N: what was wrong and what was expected\"}, and the run goes on.

BAD INPUT:
  unreadable file, invalid JSON line, missing \"id\" or \"text\", \"text\" not a
  string, blank JSONL line, invalid UTF-8 (no lossy decoding: the error names the
  byte offset) -> one error record each. Empty or whitespace-only text is not an
  error: it gives a document with no quotes.

EXIT STATUS:
  0  every input was extracted
  1  some inputs gave error records (every good document was still written)
  2  the run failed: bad arguments, or the output could not be written
  (a reader that closes the pipe early, as `| head` does, is a normal end: 0)

EXAMPLES:
  quotewise extract examples/sample_article.txt
  quotewise extract --format text examples/sample_article.txt
  quotewise extract --jsonl articles.jsonl.gz > quotes.jsonl";

#[derive(Debug, Args)]
#[command(after_long_help = EXTRACT_HELP, after_help = "See --help for output, bad input and exit status.")]
struct ExtractArgs {
    /// Input files (`-` for standard input, the default). Gzip input is
    /// detected and decompressed.
    #[arg(value_name = "FILE")]
    files: Vec<String>,

    /// Each input line is a JSON object {"id": str, "text": str}; one output
    /// line per input line.
    #[arg(long)]
    jsonl: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,

    /// Worker threads (default: every core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,

    /// No progress bar and no closing summary on stderr.
    #[arg(long, short)]
    quiet: bool,

    /// Do not report indirect speech (`X said that …`).
    #[arg(long)]
    no_indirect: bool,

    /// Also report partial quotes: a few quoted words in a sentence that is
    /// not reported speech (off by default: most are titles and scare quotes).
    #[arg(long)]
    partial: bool,

    /// Drop speakers below this confidence (0..=1); the quote stays.
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    min_confidence: f64,

    /// The language of the texts (en, de, fr, es, it, pt, nl, hu), or auto
    /// to detect it in each text. Every document says its language.
    #[arg(long = "lang", value_name = "CODE", default_value = "auto")]
    language: String,

    /// How the texts quote people: news (an untagged quote continues the
    /// previous speaker), fiction (untagged quotes take turns), or auto to
    /// read it from each text. Every document says its genre.
    #[arg(long, value_name = "GENRE", default_value = "auto",
          value_parser = ["auto", "news", "fiction"])]
    genre: String,

    /// Link entities and speakers to this gazetteer (CSV/TSV with header
    /// id,name,aliases,kind,descriptors,gender, or JSONL).
    #[arg(long, value_name = "FILE")]
    gazetteer: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract(args) => extract(args),
        Command::Match(args) => {
            let out = &mut std::io::stdout().lock();
            match quotewise_cli::match_cmd::run_match(&args.gazetteer, &args.texts, out) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("quotewise: {e}");
                    ExitCode::from(EXIT_FAILURE)
                }
            }
        }
    }
}

fn extract(args: ExtractArgs) -> ExitCode {
    let mut builder = ExtractorBuilder::new()
        .indirect(!args.no_indirect)
        .partial(args.partial)
        .min_confidence(args.min_confidence)
        .language(&args.language)
        .genre(quotewise::Genre::setting(&args.genre).unwrap_or_default());
    if let Some(path) = &args.gazetteer {
        match quotewise::Gazetteer::from_path(path) {
            Ok(g) => builder = builder.gazetteer(g),
            Err(e) => {
                eprintln!("quotewise: {e}");
                return ExitCode::from(EXIT_FAILURE);
            }
        }
    }
    let extractor = match builder.build() {
        Ok(extractor) => extractor,
        Err(e) => {
            eprintln!("quotewise: {e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let files = if args.files.is_empty() {
        vec![STDIN.to_string()]
    } else {
        args.files
    };
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    );
    let config = Config {
        jsonl: args.jsonl,
        format: args.format,
        threads,
    };
    let show = !args.quiet && std::io::stderr().is_terminal();
    let progress = progress_bar(&files, show);
    let result = pipeline::run(&files, &extractor, &config, std::io::stdout(), &progress);
    progress.finish_and_clear();
    match result {
        Ok(summary) => {
            if !args.quiet {
                // On a terminal the error records are in view already.
                if !std::io::stdout().is_terminal() {
                    for line in summary.error_lines() {
                        eprintln!("{line}");
                    }
                }
                eprintln!("{}", summary.line());
            }
            if summary.errors > 0 {
                ExitCode::from(EXIT_INPUT_ERRORS)
            } else {
                ExitCode::SUCCESS
            }
        }
        // The reader of the output has gone (`quotewise extract … | head`):
        // a normal end, not a failure.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quotewise: cannot write the output: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// A bar over the total size of the inputs when it is known (plain files),
/// a spinner otherwise; hidden unless `show`.
fn progress_bar(files: &[String], show: bool) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let sizes: Option<u64> = files
        .iter()
        .map(|f| {
            let plain = f != STDIN && !f.ends_with(".gz");
            plain
                .then(|| std::fs::metadata(f).ok().map(|m| m.len()))
                .flatten()
        })
        .sum();
    let (bar, template) = match sizes {
        Some(total) => (
            ProgressBar::new(total),
            "{elapsed_precise} [{bar:30}] {percent:>3}% {msg}",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{elapsed_precise} {spinner} {msg}",
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
    bar.set_style(
        ProgressStyle::with_template(template)
            .expect("the template is valid")
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(250));
    bar
}

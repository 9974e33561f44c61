//! The `sourcebook` binary: the command line, or the desktop window when no command is given.

use clap::Parser;
use sourcebook::cli::{self, Cli};

fn main() {
    let args = Cli::parse();
    let result = sourcebook_data_dir(args.data_dir).and_then(|dir| match args.command {
        Some(command) => cli::run(dir, command),
        None => open_window(dir),
    });
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

fn sourcebook_data_dir(
    given: Option<std::path::PathBuf>,
) -> sourcebook::Result<std::path::PathBuf> {
    given.map(Ok).unwrap_or_else(sourcebook::default_data_dir)
}

#[cfg(feature = "desktop")]
fn open_window(dir: std::path::PathBuf) -> sourcebook::Result<()> {
    sourcebook::desktop::run(dir)
}

#[cfg(not(feature = "desktop"))]
fn open_window(_dir: std::path::PathBuf) -> sourcebook::Result<()> {
    use clap::CommandFactory;
    Cli::command().print_help().ok();
    println!("\n\nThis build has no desktop window (built without the `desktop` feature).");
    Ok(())
}

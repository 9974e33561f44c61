//! The `sourcebook` binary: the command line, or the desktop window when no command is given.

use clap::Parser;
use sourcebook::cli::{self, Cli};

fn main() {
    let args = Cli::try_parse().unwrap_or_else(|e| usage_error(e));
    let result = sourcebook_data_dir(args.data_dir).and_then(|dir| match args.command {
        Some(command) => cli::run(dir, command),
        None => open_window(dir),
    });
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

/// Help and version print as clap writes them; a usage mistake prints its one line of cause,
/// like every other error.
fn usage_error(e: clap::Error) -> ! {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
        || matches!(e.kind(), ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand)
    {
        e.exit();
    }
    let rendered = e.render().to_string();
    eprintln!("{}", rendered.lines().next().unwrap_or("error: invalid arguments"));
    std::process::exit(2);
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

use clap::Parser;

/// Decide which AI work goes to frontier APIs and which to self-hosted open-weight models.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// Colour theme: dark (default), light, high-contrast or mono (NO_COLOR selects mono).
    #[arg(long, value_name = "NAME")]
    theme: Option<String>,
}

fn main() {
    let cli = Cli::parse();
    let code = tierwise::tui::run(tierwise::tui::Options { theme: cli.theme });
    std::process::exit(code);
}

//! The HTML report in a real browser: Debian's headless Chromium prints it to PDF (letter and
//! A4) and takes PNG screenshots (light and dark), and its rendered DOM holds the SVG charts.
//! Skipped, saying so on the terminal, when `/usr/bin/chromium` is not installed (`.ci/run`
//! installs it).

mod html_support;

use html_support::{run, sel};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

const CHROMIUM: &str = "/usr/bin/chromium";

/// Chromium with a fresh profile and nothing reaching out, under a time limit so a hung
/// browser fails the test instead of stalling the suite. Returns its standard output.
fn chromium(args: &[&str]) -> Vec<u8> {
    let profile = TempDir::new().unwrap();
    let out = Command::new("timeout")
        .arg("120")
        .arg(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--hide-scrollbars",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .output()
        .expect("chromium runs");
    assert!(
        out.status.success(),
        "chromium {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// The RGBA pixels of a PNG, with its width.
fn pixels(path: &Path) -> (Vec<[u8; 4]>, u32) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bytes = &buf[..info.buffer_size()];
    let px: Vec<[u8; 4]> = match info.color_type {
        png::ColorType::Rgba => bytes.chunks(4).map(|c| [c[0], c[1], c[2], c[3]]).collect(),
        png::ColorType::Rgb => bytes.chunks(3).map(|c| [c[0], c[1], c[2], 255]).collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    (px, info.width)
}

/// A screenshot is not blank: many pixels differ from the background, in many colours.
/// Returns the background's brightness (0 to 255).
fn check_not_blank(path: &Path) -> u32 {
    let (px, width) = pixels(path);
    assert!(width > 0 && px.len() > 10_000, "{}", path.display());
    let background = px[0];
    let differing = px.iter().filter(|p| **p != background).count();
    assert!(
        differing * 50 > px.len(),
        "{}: only {differing} of {} pixels differ from the background",
        path.display(),
        px.len()
    );
    let mut colours: Vec<[u8; 4]> = px.clone();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 16, "{} colours", colours.len());
    (u32::from(background[0]) + u32::from(background[1]) + u32::from(background[2])) / 3
}

/// Pages and page size of a PDF Chromium wrote (its page objects are not compressed).
fn pdf_pages(path: &Path) -> (usize, String) {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "{} is no PDF", path.display());
    let text = String::from_utf8_lossy(&bytes);
    let pages = text.matches("/Type /Page\n").count()
        + text.matches("/Type /Page/").count()
        + text.matches("/Type /Page>").count();
    let media = text
        .split("/MediaBox [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap_or("")
        .to_string();
    (pages, media)
}

#[test]
fn renders_in_headless_chromium_or_says_it_skipped() {
    if !Path::new(CHROMIUM).exists() {
        // Straight to the terminal: the test harness would swallow a println! of a pass.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED html_browser: {CHROMIUM} is not installed (apt-get install chromium)"
        );
        return;
    }
    let home = TempDir::new().unwrap();
    let dir = TempDir::new().unwrap();
    let page: PathBuf = dir.path().join("plan.html");
    let out = run(
        home.path(),
        &[
            "report",
            "--format",
            "html",
            "--output",
            page.to_str().unwrap(),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);

    // The DOM after rendering holds the four charts with their drawn parts.
    let dom = String::from_utf8(chromium(&["--dump-dom", &url(&page)])).unwrap();
    let html = scraper::Html::parse_document(&dom);
    assert_eq!(html.select(&sel("svg.chart")).count(), 4, "{dom}");
    assert_eq!(html.select(&sel("svg.chart path.host")).count(), 1);
    assert!(html.select(&sel("svg.chart line.line")).count() >= 3);
    assert!(html.select(&sel("svg.chart rect.low")).count() >= 5);

    // Printed on letter (Chromium's default) and on A4 (the page's own @page size set).
    let letter = dir.path().join("letter.pdf");
    chromium(&[&format!("--print-to-pdf={}", letter.display()), &url(&page)]);
    let (pages, media) = pdf_pages(&letter);
    assert!((1..=8).contains(&pages), "{pages} letter pages");
    assert_eq!(media, "0 0 612 792");
    let a4_page = dir.path().join("a4.html");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&a4_page, text.replace("</style>", "@page{size:A4}</style>")).unwrap();
    let a4 = dir.path().join("a4.pdf");
    chromium(&[&format!("--print-to-pdf={}", a4.display()), &url(&a4_page)]);
    let (pages, media) = pdf_pages(&a4);
    assert!((1..=8).contains(&pages), "{pages} A4 pages");
    assert!(
        media.starts_with("0 0 59"),
        "A4 is 595 x 842 points: {media}"
    );

    // Screenshots: drawn, light by default and dark when the reader asks for it.
    let light = dir.path().join("light.png");
    chromium(&[
        "--window-size=1000,1400",
        &format!("--screenshot={}", light.display()),
        &url(&page),
    ]);
    assert!(check_not_blank(&light) > 200, "a light background");
    let dark = dir.path().join("dark.png");
    chromium(&[
        "--window-size=1000,1400",
        "--force-dark-mode",
        "--blink-settings=preferredColorScheme=0",
        &format!("--screenshot={}", dark.display()),
        &url(&page),
    ]);
    assert!(check_not_blank(&dark) < 60, "a dark background");
    let phone = dir.path().join("phone.png");
    chromium(&[
        "--window-size=390,1400",
        &format!("--screenshot={}", phone.display()),
        &url(&page),
    ]);
    check_not_blank(&phone);
}

//! The keystrokes whose latency is measured: every pane and overlay, each change followed by
//! its inverse so the script can run several rounds from the same state. Every step changes
//! the screen, so every step draws exactly one frame.

pub struct Step {
    pub pane: &'static str,
    pub what: &'static str,
    pub keys: &'static [u8],
}

const fn step(pane: &'static str, what: &'static str, keys: &'static [u8]) -> Step {
    Step { pane, what, keys }
}

const RIGHT: &[u8] = b"\x1b[C";
const LEFT: &[u8] = b"\x1b[D";
const DOWN: &[u8] = b"\x1b[B";
const UP: &[u8] = b"\x1b[A";
const ESC: &[u8] = b"\x1b";
const ENTER: &[u8] = b"\r";
const TAB: &[u8] = b"\t";
const BACKSPACE: &[u8] = b"\x7f";
const PAGE_DOWN: &[u8] = b"\x1b[6~";

/// What `what` the slider-step figure is read from.
pub const VOLUME_STEP: &str = "volume step up";

pub const SCRIPT: &[Step] = &[
    // Catalogue: search, sort, move, detail, marks, compare, filters, help.
    step("catalogue", "open search", b"/"),
    step("catalogue", "type d", b"d"),
    step("catalogue", "type e", b"e"),
    step("catalogue", "type e", b"e"),
    step("catalogue", "type p", b"p"),
    step("catalogue", "backspace", BACKSPACE),
    step("catalogue", "clear search", ESC),
    step("catalogue", "sort next", b"s"),
    step("catalogue", "sort reverse", b"r"),
    step("catalogue", "row down", b"j"),
    step("catalogue", "row down", b"j"),
    step("catalogue", "page down", PAGE_DOWN),
    step("catalogue", "top", b"g"),
    step("catalogue", "open detail", ENTER),
    step("catalogue", "next model", b"l"),
    step("catalogue", "previous model", b"h"),
    step("catalogue", "close detail", ESC),
    step("catalogue", "mark", b" "),
    step("catalogue", "row down", b"j"),
    step("catalogue", "mark", b" "),
    step("catalogue", "row down", b"j"),
    step("catalogue", "mark", b" "),
    step("catalogue", "compare", b"c"),
    step("catalogue", "compare focus", b"l"),
    step("catalogue", "close compare", ESC),
    step("catalogue", "clear marks", b"x"),
    step("catalogue", "row up", b"k"),
    step("catalogue", "row up", b"k"),
    step("catalogue", "filter menu", b"f"),
    step("catalogue", "filter toggle", b" "),
    step("catalogue", "filter toggle", b" "),
    step("catalogue", "close filters", ESC),
    step("catalogue", "help", b"?"),
    step("catalogue", "close help", b"?"),
    step("catalogue", "sort next", b"s"),
    // Break-even: slider steps, zoom, explain, presets, the value editor.
    step("break-even", "open pane", b"2"),
    step("break-even", VOLUME_STEP, RIGHT),
    step("break-even", "volume step down", LEFT),
    step("break-even", "next slider", DOWN),
    step("break-even", "share step up", RIGHT),
    step("break-even", "share step down", LEFT),
    step("break-even", "previous slider", UP),
    step("break-even", "zoom in", b"+"),
    step("break-even", "zoom out", b"-"),
    step("break-even", "explain", b"x"),
    step("break-even", "explain next row", b"l"),
    step("break-even", "close explain", ESC),
    step("break-even", "presets", b"p"),
    step("break-even", "close presets", ESC),
    step("break-even", "edit volume", ENTER),
    step("break-even", "type 7", b"7"),
    step("break-even", "cancel edit", ESC),
    // Hybrid: focus, moves between tiers, share edits, findings, the use-case editor.
    step("hybrid", "open pane", b"3"),
    step("hybrid", "focus use cases", TAB),
    step("hybrid", "next use case", b"j"),
    step("hybrid", "move down a tier", b">"),
    step("hybrid", "move up a tier", b"<"),
    step("hybrid", "share +5", b"+"),
    step("hybrid", "share -5", b"-"),
    step("hybrid", "findings", b"F"),
    step("hybrid", "close findings", ESC),
    step("hybrid", "edit use case", ENTER),
    step("hybrid", "close editor", ESC),
    step("hybrid", "previous use case", b"k"),
    step("hybrid", "focus findings", TAB),
    step("hybrid", "focus tiers", TAB),
    // Overlays from anywhere, and a full repaint with every theme.
    step("overlays", "scenarios", b"S"),
    step("overlays", "close scenarios", ESC),
    step("overlays", "notes", b"n"),
    step("overlays", "close notes", ESC),
    step("overlays", "help", b"?"),
    step("overlays", "close help", b"?"),
    step("overlays", "theme", b"t"),
    step("overlays", "theme", b"t"),
    step("overlays", "theme", b"t"),
    step("overlays", "theme", b"t"),
    step("catalogue", "back to catalogue", b"1"),
];

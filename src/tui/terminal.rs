//! Entering and restoring the terminal, and writing each frame as one write.

use crossterm::{
    cursor, execute, queue,
    terminal::{self, BeginSynchronizedUpdate, EndSynchronizedUpdate},
};
use ratatui::{Terminal, backend::CrosstermBackend};
use std::cell::Cell;
use std::io::{self, Write};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Collects a whole frame in memory; the backend's own flushes are ignored until the frame is
/// complete and the gate is opened, so each frame reaches the terminal as a single write.
/// Dropping it writes nothing, so a frame cut short by a panic never lands on the main screen.
pub struct FrameWriter {
    buf: Vec<u8>,
    gate: Rc<Cell<bool>>,
}

impl FrameWriter {
    pub fn new(gate: Rc<Cell<bool>>) -> FrameWriter {
        FrameWriter {
            buf: Vec::with_capacity(64 * 1024),
            gate,
        }
    }
}

impl Write for FrameWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.gate.get() || self.buf.is_empty() {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        let result = out.write_all(&self.buf).and_then(|_| out.flush());
        self.buf.clear();
        result
    }
}

pub type Term = Terminal<CrosstermBackend<FrameWriter>>;

/// The terminal plus the gate that lets a finished frame out.
pub struct Screen {
    pub terminal: Term,
    gate: Rc<Cell<bool>>,
}

static ENTERED: AtomicBool = AtomicBool::new(false);

impl Screen {
    pub fn new() -> io::Result<Screen> {
        let gate = Rc::new(Cell::new(false));
        let terminal = Terminal::new(CrosstermBackend::new(FrameWriter::new(gate.clone())))?;
        Ok(Screen { terminal, gate })
    }

    /// Draw one frame inside synchronized-update markers and send it in one write.
    pub fn frame(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> io::Result<()> {
        queue!(self.terminal.backend_mut(), BeginSynchronizedUpdate)?;
        self.terminal.draw(render)?;
        queue!(self.terminal.backend_mut(), EndSynchronizedUpdate)?;
        self.gate.set(true);
        let result = Write::flush(self.terminal.backend_mut());
        self.gate.set(false);
        result
    }

    /// After a resume: forget what is on screen so the next frame repaints everything.
    /// (`Terminal::clear` would first query the cursor, which can fail right after `fg`.)
    pub fn invalidate(&mut self) -> io::Result<()> {
        let (w, h) = terminal::size()?;
        self.terminal.resize(ratatui::layout::Rect::new(0, 0, w, h))
    }
}

/// Raw mode, alternate screen, hidden cursor.
pub fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    ENTERED.store(true, Ordering::SeqCst);
    execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
    Ok(())
}

/// Leave the alternate screen, show the cursor, leave raw mode. Safe to call more than once
/// and from any exit path; errors are ignored because the terminal may already be gone.
pub fn restore() {
    if ENTERED.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(
            out,
            EndSynchronizedUpdate,
            terminal::LeaveAlternateScreen,
            cursor::Show
        );
        let _ = terminal::disable_raw_mode();
    }
}

/// Restore the terminal before the panic message is printed, so it is readable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

//! The event loop: one biased select over termination signals, terminal events, effect
//! results, the notice timer and the save timer. Input already queued is applied before
//! drawing, and a frame is drawn only when something changed.
//!
//! Saving: a change sets one deadline a second ahead (moved on by later changes, but never
//! past five seconds from the first unsaved change), so a held key is one save. Quit and the
//! termination signals save first when anything is unsaved. The store's save is a small
//! synchronous write that waits at most a few seconds for another session's lock.

use super::action::{Action, Effect};
use super::app::App;
use super::export;
use super::keymap::Key;
use super::terminal::{self, Screen};
use super::ui;
use crossterm::event::{Event, EventStream};
use futures::StreamExt;
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook_tokio::Signals;
use std::task::Poll;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep_until};

use crate::store::Store;

/// How long a notice stays on the status line.
const NOTICE_FOR: Duration = Duration::from_secs(4);

/// Exit code after SIGHUP: the terminal is gone, so leave at once.
pub const HUP_EXIT: i32 = 129;

/// A save comes this long after the last change...
pub const SAVE_AFTER: Duration = Duration::from_secs(1);
/// ...or this long after the first unsaved one, whichever is sooner.
pub const SAVE_AT_MOST: Duration = Duration::from_secs(5);

enum Wake {
    Signal(i32),
    Event(Option<std::io::Result<Event>>),
    Result(Action),
    NoticeDue,
    SaveDue,
}

/// The save deadline: one for any number of changes.
#[derive(Default)]
struct SaveTimer {
    due: Option<Instant>,
    first: Option<Instant>,
}

impl SaveTimer {
    fn changed(&mut self) {
        let now = Instant::now();
        let first = *self.first.get_or_insert(now);
        self.due = Some((now + SAVE_AFTER).min(first + SAVE_AT_MOST));
    }

    fn clear(&mut self) {
        *self = SaveTimer::default();
    }
}

/// What the loop owns besides the app and the screen.
struct Io<'a> {
    events: &'a mut EventStream,
    notice_due: &'a mut Option<Instant>,
    save: &'a mut SaveTimer,
    store: &'a mut Store,
    dirty: &'a mut bool,
}

/// What the loop should do after applying an action.
enum Next {
    Continue,
    Exit(i32),
}

/// Run the interface until the user quits or a signal ends it; returns the exit code. The
/// terminal is restored on every path.
pub async fn run(mut app: App, mut store: Store) -> i32 {
    let mut signals = match Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT]) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot install signal handlers: {e}");
            return 1;
        }
    };
    terminal::install_panic_hook();
    let code = match terminal::enter().and_then(|_| Screen::new()) {
        Ok(mut screen) => event_loop(&mut app, &mut screen, &mut signals, &mut store).await,
        Err(e) => {
            terminal::restore();
            eprintln!("error: cannot set up the terminal: {e}");
            return 1;
        }
    };
    terminal::restore();
    code
}

async fn event_loop(
    app: &mut App,
    screen: &mut Screen,
    signals: &mut Signals,
    store: &mut Store,
) -> i32 {
    let mut events = EventStream::new();
    // Effects that finish later report back through this channel.
    let (_results_tx, mut results) = mpsc::unbounded_channel::<Action>();
    let mut notice_due: Option<Instant> = None;
    let mut save = SaveTimer::default();
    let mut dirty = true;
    loop {
        if dirty {
            if let Err(e) = screen.frame(|f| ui::draw(f, app)) {
                save_now(app, store);
                terminal::restore();
                eprintln!("error: cannot draw: {e}");
                return 1;
            }
            dirty = false;
        }
        let wake = tokio::select! {
            biased;
            Some(sig) = signals.next() => Wake::Signal(sig),
            ev = events.next() => Wake::Event(ev),
            Some(action) = results.recv() => Wake::Result(action),
            _ = sleep_until(save.due.unwrap_or_else(Instant::now)), if save.due.is_some() => Wake::SaveDue,
            _ = sleep_until(notice_due.unwrap_or_else(Instant::now)), if notice_due.is_some() => Wake::NoticeDue,
        };
        let mut io = Io {
            events: &mut events,
            notice_due: &mut notice_due,
            save: &mut save,
            store,
            dirty: &mut dirty,
        };
        let mut next_event = match wake {
            Wake::Signal(sig) => return on_signal(sig, app, io.store),
            Wake::Result(action) => {
                if let Some(code) = apply(app, action, screen, &mut io) {
                    return code;
                }
                continue;
            }
            Wake::NoticeDue => {
                *io.notice_due = None;
                if let Some(code) = apply(app, Action::ExpireNotice, screen, &mut io) {
                    return code;
                }
                continue;
            }
            Wake::SaveDue => {
                io.save.clear();
                let outcome = save_now(app, io.store);
                if let Some(code) = perform_all(app, outcome, screen, &mut io) {
                    return code;
                }
                continue;
            }
            Wake::Event(first) => first,
        };
        // Apply everything already queued before drawing, so a held key or a resize burst is
        // one frame. Each event is mapped just before it is applied: a key typed right after
        // `/` must reach the search field.
        loop {
            match next_event {
                Some(Ok(event)) => {
                    let action = to_action(app, &event);
                    if let Some(code) = action.and_then(|a| apply(app, a, screen, &mut io)) {
                        return code;
                    }
                }
                // The terminal is gone or broken: save, then leave rather than spin.
                None | Some(Err(_)) => {
                    save_now(app, io.store);
                    terminal::restore();
                    return 1;
                }
            }
            // Poll with this task's own waker (not `now_or_never`'s no-op one): EventStream
            // registers the first waker it sees when nothing is queued and keeps it, so a
            // no-op waker would leave the loop deaf to later input.
            match std::future::poll_fn(|cx| Poll::Ready(io.events.poll_next_unpin(cx))).await {
                Poll::Ready(ev) => next_event = ev,
                Poll::Pending => break,
            }
        }
    }
}

/// Save if anything is unsaved; what the app makes of the result (a merge, an error).
fn save_now(app: &mut App, store: &mut Store) -> super::app::Outcome {
    if !app.is_dirty() {
        return super::app::Outcome::default();
    }
    let state = app.current_state();
    let result = store.save(&state);
    app.after_save(state, result)
}

/// Update the state and perform the effects; `Some(code)` means leave with that exit code.
fn apply(app: &mut App, action: Action, screen: &mut Screen, io: &mut Io) -> Option<i32> {
    let outcome = app.update(action);
    perform_all(app, outcome, screen, io)
}

fn perform_all(
    app: &mut App,
    outcome: super::app::Outcome,
    screen: &mut Screen,
    io: &mut Io,
) -> Option<i32> {
    *io.dirty |= outcome.redraw;
    for effect in outcome.effects {
        match perform(effect, app, screen, io) {
            Next::Continue => {}
            Next::Exit(code) => return Some(code),
        }
        if matches!(effect, Effect::Suspend | Effect::Export) {
            *io.dirty = true;
        }
    }
    None
}

fn to_action(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => Key::from_event(key).and_then(|k| app.key_action(k)),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn perform(effect: Effect, app: &mut App, screen: &mut Screen, io: &mut Io) -> Next {
    match effect {
        Effect::Quit => {
            let outcome = save_now(app, io.store);
            if app.is_dirty() {
                // The save failed: the notice says why; quitting anyway would lose work
                // silently, so the next q leaves (the state is still dirty, save again).
                *io.dirty |= outcome.redraw;
                if !app.quit_anyway() {
                    return Next::Continue;
                }
            }
            Next::Exit(0)
        }
        Effect::ExpireNoticeLater => {
            *io.notice_due = Some(Instant::now() + NOTICE_FOR);
            Next::Continue
        }
        Effect::SaveSoon => {
            io.save.changed();
            Next::Continue
        }
        Effect::Export => {
            let Some(job) = app.export.take() else {
                return Next::Continue;
            };
            let dir = crate::store::state_dir();
            let stamp = crate::store::utc_stamp(std::time::SystemTime::now());
            let done = export::perform(&job, dir, &stamp, &mut std::io::stdout());
            let outcome = app.after_export(done);
            *io.dirty |= outcome.redraw;
            for e in outcome.effects {
                if e == Effect::ExpireNoticeLater {
                    *io.notice_due = Some(Instant::now() + NOTICE_FOR);
                }
            }
            Next::Continue
        }
        Effect::Suspend => {
            // Stop reading the terminal, give it back to the shell, stop; on `fg` take it
            // again with a fresh event stream and repaint everything.
            *io.events = EventStream::new();
            terminal::restore();
            let _ = signal_hook::low_level::raise(SIGTSTP);
            if let Err(e) = terminal::enter().and_then(|_| screen.invalidate()) {
                terminal::restore();
                eprintln!("error: cannot take the terminal back after resume: {e}");
                return Next::Exit(1);
            }
            *io.events = EventStream::new();
            Next::Continue
        }
    }
}

/// TERM, INT, QUIT and HUP: save what is unsaved, restore the terminal, leave.
fn on_signal(sig: i32, app: &mut App, store: &mut Store) -> i32 {
    save_now(app, store);
    terminal::restore();
    if sig == SIGHUP {
        // The terminal is gone: nothing else to wait for.
        std::process::exit(HUP_EXIT);
    }
    128 + sig
}

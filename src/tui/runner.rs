//! The event loop: one biased select over termination signals, terminal events, effect
//! results, the notice timer and the save timer. Input already queued is applied before
//! drawing, and a frame is drawn only when something changed.
//!
//! Saving: a change sets one deadline a second ahead (moved on by later changes, but never
//! past five seconds from the first unsaved change), so a held key is one save. The save runs
//! on a blocking thread (it can wait a few seconds for another session's lock) and comes back
//! as an action, so keys pressed meanwhile are answered at once. Quit and the termination
//! signals wait for it and save what is still unsaved before leaving.

use super::action::{Action, Effect};
use super::app::App;
use super::app::Outcome;
use super::jobs::{self, Saver};
use super::keymap::Key;
use super::terminal::{self, Screen};
use super::ui;
use crossterm::event::{Event, EventStream};
use futures::StreamExt;
use signal_hook::consts::signal::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook_tokio::Signals;
use std::task::Poll;
use std::time::Duration;
use tokio::sync::mpsc::{self, UnboundedSender};
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
    Saved(Action),
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
    saver: &'a mut Saver,
    results: &'a UnboundedSender<Action>,
    dirty: &'a mut bool,
}

/// What the loop should do after applying an action.
enum Next {
    Continue,
    Exit(i32),
}

/// Run the interface until the user quits or a signal ends it; returns the exit code. The
/// terminal is restored on every path.
pub async fn run(mut app: App, store: Store) -> i32 {
    let mut saver = Saver::new(store);
    let mut signals = match Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT]) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot install signal handlers: {e}");
            return 1;
        }
    };
    terminal::install_panic_hook();
    let code = match terminal::enter().and_then(|_| Screen::new()) {
        Ok(mut screen) => event_loop(&mut app, &mut screen, &mut signals, &mut saver).await,
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
    saver: &mut Saver,
) -> i32 {
    let mut events = EventStream::new();
    // Effects that finish later report back through this channel.
    let (results_tx, mut results) = mpsc::unbounded_channel::<Action>();
    let mut notice_due: Option<Instant> = None;
    let mut save = SaveTimer::default();
    let mut dirty = true;
    loop {
        if dirty {
            if let Err(e) = screen.frame(|f| ui::draw(f, app)) {
                saver.flush(app).await;
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
            action = saver.finished(), if saver.is_running() => Wake::Saved(action),
            _ = sleep_until(save.due.unwrap_or_else(Instant::now)), if save.due.is_some() => Wake::SaveDue,
            _ = sleep_until(notice_due.unwrap_or_else(Instant::now)), if notice_due.is_some() => Wake::NoticeDue,
        };
        let mut io = Io {
            events: &mut events,
            notice_due: &mut notice_due,
            save: &mut save,
            saver,
            results: &results_tx,
            dirty: &mut dirty,
        };
        let mut next_event = match wake {
            Wake::Signal(sig) => return on_signal(sig, app, io.saver).await,
            Wake::Result(action) => {
                if let Some(code) = apply(app, action, screen, &mut io).await {
                    return code;
                }
                continue;
            }
            Wake::Saved(action) => {
                if let Some(code) = apply(app, action, screen, &mut io).await {
                    return code;
                }
                // Changes made while it ran asked for another save.
                if io.saver.take_again() && app.is_dirty() {
                    io.saver.start(app.current_state());
                }
                continue;
            }
            Wake::NoticeDue => {
                *io.notice_due = None;
                if let Some(code) = apply(app, Action::ExpireNotice, screen, &mut io).await {
                    return code;
                }
                continue;
            }
            Wake::SaveDue => {
                io.save.clear();
                if app.is_dirty() {
                    io.saver.start(app.current_state());
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
                    if let Some(action) = action
                        && let Some(code) = apply(app, action, screen, &mut io).await
                    {
                        return code;
                    }
                }
                // The terminal is gone or broken: save, then leave rather than spin.
                None | Some(Err(_)) => {
                    io.saver.flush(app).await;
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

/// Update the state and perform the effects; `Some(code)` means leave with that exit code.
async fn apply(app: &mut App, action: Action, screen: &mut Screen, io: &mut Io<'_>) -> Option<i32> {
    let outcome = app.update(action);
    perform_all(app, outcome, screen, io).await
}

async fn perform_all(
    app: &mut App,
    outcome: Outcome,
    screen: &mut Screen,
    io: &mut Io<'_>,
) -> Option<i32> {
    *io.dirty |= outcome.redraw;
    for effect in outcome.effects {
        let repaint = matches!(effect, Effect::Suspend | Effect::Export(_));
        let next = match effect {
            Effect::Quit => quit(app, io).await,
            other => perform(other, screen, io),
        };
        if let Next::Exit(code) = next {
            return Some(code);
        }
        if repaint {
            *io.dirty = true;
        }
    }
    None
}

/// Save what is unsaved, then leave; if the save failed, `update` decides (the first quit
/// stays and says what would be lost, the second leaves).
async fn quit(app: &mut App, io: &mut Io<'_>) -> Next {
    let saved = io.saver.flush(app).await;
    absorb(saved, io);
    if !app.is_dirty() {
        return Next::Exit(0);
    }
    let asked = app.update(Action::QuitUnsaved);
    if asked.effects.contains(&Effect::Leave) {
        return Next::Exit(0);
    }
    absorb(asked, io);
    Next::Continue
}

/// The redraw and the timers of an outcome produced while leaving (no further effects).
fn absorb(outcome: Outcome, io: &mut Io) {
    *io.dirty |= outcome.redraw;
    for e in outcome.effects {
        match e {
            Effect::ExpireNoticeLater => *io.notice_due = Some(Instant::now() + NOTICE_FOR),
            Effect::SaveSoon => io.save.changed(),
            _ => {}
        }
    }
}

fn to_action(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => Key::from_event(key).and_then(|k| app.key_action(k)),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn perform(effect: Effect, screen: &mut Screen, io: &mut Io) -> Next {
    match effect {
        // Handled by `perform_all`, which can wait for the save.
        Effect::Quit => Next::Continue,
        Effect::Leave => Next::Exit(0),
        Effect::ExpireNoticeLater => {
            *io.notice_due = Some(Instant::now() + NOTICE_FOR);
            Next::Continue
        }
        Effect::SaveSoon => {
            io.save.changed();
            Next::Continue
        }
        Effect::Export(job) => {
            jobs::export(*job, &mut std::io::stdout(), io.results.clone());
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
async fn on_signal(sig: i32, app: &mut App, saver: &mut Saver) -> i32 {
    saver.flush(app).await;
    terminal::restore();
    if sig == SIGHUP {
        // The terminal is gone: nothing else to wait for.
        std::process::exit(HUP_EXIT);
    }
    128 + sig
}

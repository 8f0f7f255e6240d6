//! The event loop: one biased select over termination signals, terminal events, effect
//! results and the notice timer. Input already queued is applied before drawing, and a frame
//! is drawn only when something changed.

use super::action::{Action, Effect};
use super::app::App;
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

/// How long a notice stays on the status line.
const NOTICE_FOR: Duration = Duration::from_secs(4);

/// Exit code after SIGHUP: the terminal is gone, so leave at once.
pub const HUP_EXIT: i32 = 129;

enum Wake {
    Signal(i32),
    Event(Option<std::io::Result<Event>>),
    Result(Action),
    NoticeDue,
}

/// What the loop should do after applying an action.
enum Next {
    Continue,
    Exit(i32),
}

/// Run the interface until the user quits or a signal ends it; returns the exit code. The
/// terminal is restored on every path.
pub async fn run(mut app: App) -> i32 {
    let mut signals = match Signals::new([SIGHUP, SIGTERM, SIGINT, SIGQUIT]) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: cannot install signal handlers: {e}");
            return 1;
        }
    };
    terminal::install_panic_hook();
    let code = match terminal::enter().and_then(|_| Screen::new()) {
        Ok(mut screen) => event_loop(&mut app, &mut screen, &mut signals).await,
        Err(e) => {
            terminal::restore();
            eprintln!("error: cannot set up the terminal: {e}");
            return 1;
        }
    };
    terminal::restore();
    code
}

async fn event_loop(app: &mut App, screen: &mut Screen, signals: &mut Signals) -> i32 {
    let mut events = EventStream::new();
    // Effects that finish later (save, export) report back through this channel.
    let (_results_tx, mut results) = mpsc::unbounded_channel::<Action>();
    let mut notice_due: Option<Instant> = None;
    let mut dirty = true;
    loop {
        if dirty {
            if let Err(e) = screen.frame(|f| ui::draw(f, app)) {
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
            _ = sleep_until(notice_due.unwrap_or_else(Instant::now)), if notice_due.is_some() => Wake::NoticeDue,
        };
        let mut next_event = match wake {
            Wake::Signal(sig) => return on_signal(sig),
            Wake::Result(action) => {
                if let Some(code) = apply(
                    app,
                    action,
                    screen,
                    &mut events,
                    &mut notice_due,
                    &mut dirty,
                ) {
                    return code;
                }
                continue;
            }
            Wake::NoticeDue => {
                notice_due = None;
                if let Some(code) = apply(
                    app,
                    Action::ExpireNotice,
                    screen,
                    &mut events,
                    &mut notice_due,
                    &mut dirty,
                ) {
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
                    let ctx = (
                        screen as &mut Screen,
                        &mut events,
                        &mut notice_due,
                        &mut dirty,
                    );
                    if let Some(code) =
                        action.and_then(|a| apply(app, a, ctx.0, ctx.1, ctx.2, ctx.3))
                    {
                        return code;
                    }
                }
                // The terminal is gone or broken: leave rather than spin.
                None | Some(Err(_)) => {
                    terminal::restore();
                    return 1;
                }
            }
            // Poll with this task's own waker (not `now_or_never`'s no-op one): EventStream
            // registers the first waker it sees when nothing is queued and keeps it, so a
            // no-op waker would leave the loop deaf to later input.
            match std::future::poll_fn(|cx| Poll::Ready(events.poll_next_unpin(cx))).await {
                Poll::Ready(ev) => next_event = ev,
                Poll::Pending => break,
            }
        }
    }
}

/// Update the state and perform the effects; `Some(code)` means leave with that exit code.
fn apply(
    app: &mut App,
    action: Action,
    screen: &mut Screen,
    events: &mut EventStream,
    notice_due: &mut Option<Instant>,
    dirty: &mut bool,
) -> Option<i32> {
    let outcome = app.update(action);
    *dirty |= outcome.redraw;
    for effect in outcome.effects {
        match perform(effect, screen, events, notice_due) {
            Next::Continue => {}
            Next::Exit(code) => return Some(code),
        }
        if effect == Effect::Suspend {
            *dirty = true;
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

fn perform(
    effect: Effect,
    screen: &mut Screen,
    events: &mut EventStream,
    notice_due: &mut Option<Instant>,
) -> Next {
    match effect {
        Effect::Quit => Next::Exit(0),
        Effect::ExpireNoticeLater => {
            *notice_due = Some(Instant::now() + NOTICE_FOR);
            Next::Continue
        }
        Effect::Suspend => {
            // Stop reading the terminal, give it back to the shell, stop; on `fg` take it
            // again with a fresh event stream and repaint everything.
            *events = EventStream::new();
            terminal::restore();
            let _ = signal_hook::low_level::raise(SIGTSTP);
            if let Err(e) = terminal::enter().and_then(|_| screen.invalidate()) {
                terminal::restore();
                eprintln!("error: cannot take the terminal back after resume: {e}");
                return Next::Exit(1);
            }
            *events = EventStream::new();
            Next::Continue
        }
    }
}

fn on_signal(sig: i32) -> i32 {
    terminal::restore();
    if sig == SIGHUP {
        // Nothing more to save yet; once state exists it is saved here before leaving.
        std::process::exit(HUP_EXIT);
    }
    128 + sig
}

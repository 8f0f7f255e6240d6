//! Work the event loop hands to a blocking thread so that a key is answered at once: saves
//! (which can wait seconds for another session's lock) and export files. Each reports back
//! as an Action that `update` applies.

use super::action::{Action, SaveDone};
use super::app::App;
use super::export::{self, ExportDone, ExportJob};
use crate::store::{State, Store, StoreError};
use tokio::sync::mpsc::UnboundedSender;
use tokio::task::JoinHandle;

/// The store, lent to one save at a time.
pub struct Saver {
    /// `None` while a save has it.
    store: Option<Store>,
    /// The running save, and what it sends (should its thread be lost).
    running: Option<(JoinHandle<(Store, SaveDone)>, State)>,
    /// A save was asked for while another ran.
    again: bool,
}

impl Saver {
    pub fn new(store: Store) -> Saver {
        Saver {
            store: Some(store),
            running: None,
            again: false,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Save `state` off the loop; if a save is running, once it is done (see `take_again`).
    pub fn start(&mut self, state: State) {
        if self.running.is_some() {
            self.again = true;
            return;
        }
        let Some(mut store) = self.store.take() else {
            return;
        };
        let sending = state.clone();
        let handle = tokio::task::spawn_blocking(move || {
            let result = store.save(&state);
            (
                store,
                SaveDone {
                    sent: state,
                    result,
                },
            )
        });
        self.running = Some((handle, sending));
    }

    /// Whether a save was asked for while the last one ran (and clears it).
    pub fn take_again(&mut self) -> bool {
        std::mem::take(&mut self.again)
    }

    /// The running save's result; pending forever when none runs. Cancel-safe: dropping the
    /// future leaves the save running.
    pub async fn finished(&mut self) -> Action {
        let Some((handle, _)) = self.running.as_mut() else {
            return std::future::pending().await;
        };
        let joined = handle.await;
        let Some((_, sent)) = self.running.take() else {
            return std::future::pending().await;
        };
        match joined {
            Ok((store, done)) => {
                self.store = Some(store);
                Action::Saved(Box::new(done))
            }
            // The save's thread panicked and took the store with it: say so; nothing more
            // can be saved this session.
            Err(e) => Action::Saved(Box::new(SaveDone {
                sent,
                result: Err(StoreError::Io {
                    path: crate::store::state_dir().unwrap_or_default(),
                    message: format!("the save stopped: {e}"),
                }),
            })),
        }
    }

    /// Before leaving (quit, a signal, a broken terminal): wait for the running save, then
    /// save whatever is still unsaved, here and now; `update` takes each result.
    pub async fn flush(&mut self, app: &mut App) -> super::action::Outcome {
        let mut outcome = super::action::Outcome::default();
        if self.running.is_some() {
            let done = self.finished().await;
            outcome = outcome.and(app.update(done));
        }
        if app.is_dirty()
            && let Some(store) = self.store.as_mut()
        {
            let sent = app.current_state();
            let result = store.save(&sent);
            let done = Action::Saved(Box::new(SaveDone { sent, result }));
            outcome = outcome.and(app.update(done));
        }
        outcome
    }
}

/// Copy `job` to the clipboard now (the loop owns the terminal's output) and write its file
/// on a blocking thread, which sends `Action::Exported` to `results`.
pub fn export(
    job: ExportJob,
    terminal: &mut impl std::io::Write,
    results: UnboundedSender<Action>,
) {
    let clipboard = export::copy(&job, terminal);
    tokio::task::spawn_blocking(move || {
        let dir = crate::store::state_dir();
        let stamp = crate::store::utc_stamp(std::time::SystemTime::now());
        let file = export::write_file(&job, dir, &stamp);
        // The loop may have ended meanwhile: then nobody needs to hear of it.
        let _ = results.send(Action::Exported(Box::new(ExportDone { file, clipboard })));
    });
}

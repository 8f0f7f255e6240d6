//! The app's side of `export.rs`: opening it and routing actions to it.

use super::{App, Outcome};
use crate::tui::action::Effect;
use crate::tui::export::{Clipboard, ExportDone, ExportJob, OSC52_MAX};

impl App {
    /// `e`: build the document now (the inputs are in memory) and ask the loop to write it.
    pub(crate) fn start_export(&mut self) -> Outcome {
        let markdown = crate::domain::export::scenario_markdown(
            &self.ctx.catalog,
            &self.ctx.rules,
            &self.doc.scenario,
        );
        Outcome::effect(Effect::Export(Box::new(ExportJob {
            scenario: self.doc.scenario.name.clone(),
            markdown,
        })))
    }

    /// The loop's part is done: say where the file is and whether the clipboard has it.
    pub fn after_export(&mut self, done: ExportDone) -> Outcome {
        let file = match &done.file {
            Ok(path) => format!("exported to {}", path.display()),
            Err(e) => format!("export not written: {e}"),
        };
        let clip = match done.clipboard {
            Clipboard::Sent => "copied to the clipboard (OSC 52)".to_string(),
            Clipboard::TooLarge(n) => format!(
                "not copied: {} KB is over the {} KB terminals accept; use the file",
                n / 1000,
                OSC52_MAX / 1000
            ),
            Clipboard::Failed(e) => format!("not copied: {e}"),
        };
        self.tell(format!("{file} · {clip}"))
    }
}

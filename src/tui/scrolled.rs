//! The update of a text overlay that only scrolls (help, notices, findings): the scroll keys
//! within the largest scroll the last draw measured, and its close keys.

use super::action::Action;
use super::layout::scroll_text;
use super::reply::Reply;

/// A text overlay scrolled by `scroll`, `page` lines a page, at most `max`; any of `closes`
/// closes it.
pub fn update(
    scroll: &mut usize,
    action: &Action,
    page: usize,
    max: usize,
    closes: &[Action],
) -> Reply {
    if scroll_text(scroll, action, page, max) {
        Reply::Redraw
    } else if closes.contains(action) {
        Reply::Close
    } else {
        Reply::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolls_within_the_measured_end_and_closes_on_its_keys() {
        let mut scroll = 0;
        let closes = [Action::Close, Action::Confirm];
        assert_eq!(
            update(&mut scroll, &Action::Bottom, 5, 7, &closes),
            Reply::Redraw
        );
        assert_eq!(scroll, 7);
        assert_eq!(
            update(&mut scroll, &Action::Down, 5, 7, &closes),
            Reply::Redraw
        );
        assert_eq!(scroll, 7, "never past the end the draw measured");
        assert_eq!(
            update(&mut scroll, &Action::PageUp, 5, 7, &closes),
            Reply::Redraw
        );
        assert_eq!(scroll, 2);
        assert_eq!(
            update(&mut scroll, &Action::Confirm, 5, 7, &closes),
            Reply::Close
        );
        assert_eq!(
            update(&mut scroll, &Action::Confirm, 5, 7, &[Action::Close]),
            Reply::Nothing
        );
        assert_eq!(scroll, 2);
    }
}

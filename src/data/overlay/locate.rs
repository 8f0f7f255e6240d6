//! Find where in a user file a problem found after parsing lies, so every message can name a
//! line and column. A heuristic over the text: the entry is found by its `id: "..."` and the
//! field by its key inside that entry's parentheses.

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Byte offset of the `id` key whose value is the string `id`.
fn entry_key(text: &str, id: &str) -> Option<usize> {
    let literal = format!("\"{id}\"");
    text.match_indices(&literal).find_map(|(pos, _)| {
        let before = text[..pos].trim_end().strip_suffix(':')?.trim_end();
        let key = before.strip_suffix("id")?;
        (!key.ends_with(is_ident)).then_some(key.len())
    })
}

/// The span `(open, close)` of the brackets enclosing `pos`.
fn enclosing(text: &str, pos: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut open = None;
    for i in (0..pos).rev() {
        match bytes[i] {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth == 0 => {
                open = Some(i);
                break;
            }
            b'(' | b'[' | b'{' => depth -= 1,
            _ => {}
        }
    }
    let open = open?;
    let mut depth = 0usize;
    for (i, &b) in bytes.iter().enumerate().skip(open + 1) {
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => return Some((open, i)),
            b')' | b']' | b'}' => depth -= 1,
            _ => {}
        }
    }
    Some((open, text.len()))
}

/// Byte offset of `field:` directly inside the span (not nested deeper).
fn field_key(text: &str, (open, close): (usize, usize), field: &str) -> Option<usize> {
    let body = &text[open + 1..close];
    let mut depth = 0usize;
    let bytes = body.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ if depth == 0 && body.is_char_boundary(i) && body[i..].starts_with(field) => {
                let before_ok = !body[..i].ends_with(is_ident);
                let after = &body[i + field.len()..];
                if before_ok && after.trim_start().starts_with(':') {
                    return Some(open + 1 + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Where the entry `id` sets `field` (or where the entry starts), as line and column.
pub fn locate(text: &str, id: &str, field: Option<&str>) -> Option<(usize, usize)> {
    let key = entry_key(text, id)?;
    let at = field
        .and_then(|f| field_key(text, enclosing(text, key)?, f))
        .unwrap_or(key);
    Some(line_col(text, at))
}

/// `models[gpt-4o].price.input` -> (`gpt-4o`, Some(`price`)).
pub fn split_path(path: &str) -> Option<(&str, Option<&str>)> {
    let start = path.find('[')? + 1;
    let end = start + path[start..].find(']')?;
    let rest = path[end + 1..].strip_prefix('.');
    let field = rest.map(|r| r.split(['.', '[']).next().unwrap_or(r));
    Some((&path[start..end], field.filter(|f| !f.is_empty())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[\n  (\n    id: \"a\",\n    name: \"A\",\n  ),\n  (\n    price: (value: (input: 1.0, output: 2.0)),\n    id: \"b\",\n  ),\n]";

    #[test]
    fn finds_entries_and_their_fields() {
        assert_eq!(locate(TEXT, "a", None), Some((3, 5)));
        assert_eq!(locate(TEXT, "a", Some("name")), Some((4, 5)));
        // A field written before the id is still found inside the entry.
        assert_eq!(locate(TEXT, "b", Some("price")), Some((7, 5)));
        assert_eq!(locate(TEXT, "b", Some("input")), Some((8, 5)));
        assert_eq!(locate(TEXT, "c", None), None);
    }

    #[test]
    fn paths_split_into_id_and_field() {
        assert_eq!(
            split_path("models[gpt-4o].price.input"),
            Some(("gpt-4o", Some("price")))
        );
        assert_eq!(
            split_path("models[x].scores[GPQA]"),
            Some(("x", Some("scores")))
        );
        assert_eq!(split_path("rules[r1]"), Some(("r1", None)));
        assert_eq!(split_path("models"), None);
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_col("é\nxé y", 6), (2, 3));
        assert_eq!(line_col("", 10), (1, 1));
    }
}

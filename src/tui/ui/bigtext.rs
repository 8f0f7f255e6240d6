//! Figures drawn large for a projected screen: digits and the few signs the answers use
//! (`$ . , % / - K M B T`), five rows tall in block characters, each pixel one or two columns
//! wide. Text with any other character is not drawn large (the caller shows it plainly).

/// Rows of one glyph, `#` for a lit pixel.
fn glyph(c: char) -> Option<[&'static str; 5]> {
    Some(match c {
        '0' => ["###", "#.#", "#.#", "#.#", "###"],
        '1' => [".#.", "##.", ".#.", ".#.", "###"],
        '2' => ["###", "..#", "###", "#..", "###"],
        '3' => ["###", "..#", "###", "..#", "###"],
        '4' => ["#.#", "#.#", "###", "..#", "..#"],
        '5' => ["###", "#..", "###", "..#", "###"],
        '6' => ["###", "#..", "###", "#.#", "###"],
        '7' => ["###", "..#", "..#", "..#", "..#"],
        '8' => ["###", "#.#", "###", "#.#", "###"],
        '9' => ["###", "#.#", "###", "..#", "###"],
        '.' => [".", ".", ".", ".", "#"],
        ',' => [".", ".", ".", "#", "#"],
        '$' => [".##", "#..", ".#.", "..#", "##."],
        '%' => ["#.#", "..#", ".#.", "#..", "#.#"],
        '/' => ["..#", "..#", ".#.", "#..", "#.."],
        '-' => ["...", "...", "###", "...", "..."],
        ' ' => ["..", "..", "..", "..", ".."],
        'K' => ["#..#", "#.#.", "##..", "#.#.", "#..#"],
        'M' => ["#...#", "##.##", "#.#.#", "#...#", "#...#"],
        'B' => ["##.", "#.#", "##.", "#.#", "##."],
        'T' => ["###", ".#.", ".#.", ".#.", ".#."],
        _ => return None,
    })
}

pub const ROWS: usize = 5;

/// Whether `c` has a large form.
pub fn supported(c: char) -> bool {
    glyph(c).is_some()
}

/// Columns `text` takes at `pixel` columns a pixel (one blank pixel between glyphs); `None`
/// when a character has no large form.
pub fn width(text: &str, pixel: usize) -> Option<usize> {
    let mut cols = 0;
    for (i, c) in text.chars().enumerate() {
        let g = glyph(c)?;
        cols += g[0].len() * pixel + if i > 0 { pixel } else { 0 };
    }
    Some(cols)
}

/// `text` as five lines of block characters; `None` when a character has no large form.
pub fn lines(text: &str, pixel: usize) -> Option<[String; ROWS]> {
    let glyphs: Vec<[&str; 5]> = text.chars().map(glyph).collect::<Option<_>>()?;
    let mut out: [String; ROWS] = Default::default();
    for (row, line) in out.iter_mut().enumerate() {
        for (i, g) in glyphs.iter().enumerate() {
            if i > 0 {
                line.push_str(&" ".repeat(pixel));
            }
            for px in g[row].chars() {
                let cell = if px == '#' { '█' } else { ' ' };
                line.extend(std::iter::repeat_n(cell, pixel));
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_five_rows_of_blocks_as_wide_as_said() {
        let big = lines("20.9M", 1).unwrap();
        assert_eq!(big[0], "███ ███   ███ █   █");
        assert_eq!(big[4], "███ ███ █ ███ █   █");
        for pixel in [1, 2] {
            let w = width("$114K/month".replace("month", "").as_str(), pixel).unwrap();
            let l = lines("$114K/", pixel).unwrap();
            assert!(l.iter().all(|r| r.chars().count() == w), "{l:?}");
        }
        assert_eq!(lines("never", 1), None);
        assert_eq!(width("20.9m", 2), None);
    }
}

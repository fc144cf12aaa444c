//! Banned terms, matched the way Microsoft Entra Password Protection does: the password is
//! normalised (lower case, common character substitutions), banned terms are found in it
//! exactly or at edit distance 1, and the password scores one point per banned term found
//! plus one per remaining character. A password that contains banned terms passes only with
//! at least [`MIN_SCORE`] points.

/// Points a password with banned terms in it needs to pass (Entra's threshold).
pub const MIN_SCORE: u16 = 5;

/// Lower-cases and undoes the usual character substitutions (`P@$$w0rd` → `password`).
pub fn normalize(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '0' => 'o',
            '1' | '|' => 'l',
            '3' => 'e',
            '4' | '@' => 'a',
            '5' | '$' => 's',
            '7' | '+' => 't',
            '!' => 'i',
            other => other,
        })
        .collect()
}

/// Whether two strings are at most one insertion, deletion or substitution apart.
pub fn within_one_edit(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => short.iter().zip(long).filter(|(x, y)| x != y).count() <= 1,
        1 => {
            let first_difference = short
                .iter()
                .zip(long)
                .position(|(x, y)| x != y)
                .unwrap_or(short.len());
            short[first_difference..] == long[first_difference + 1..]
        }
        _ => false,
    }
}

/// A list of banned terms, normalised once.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BannedTerms {
    terms: Vec<(String, Vec<char>)>,
}

/// What [`BannedTerms::evaluate`] found in a password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation {
    /// The banned terms found, as listed.
    pub found: Vec<String>,
    /// One point per term found and per character outside them.
    pub score: u16,
}

impl Evaluation {
    /// Whether the password passes: no banned term, or enough points despite them.
    pub fn passes(&self) -> bool {
        self.found.is_empty() || self.score >= MIN_SCORE
    }
}

impl BannedTerms {
    /// The list from the administrator's terms: each trimmed and normalised, empty terms and
    /// duplicates (after normalising) dropped. Terms are reported as given.
    ///
    /// ```
    /// use sspr_core::password::banned::BannedTerms;
    ///
    /// let terms = BannedTerms::new(["Contoso", " c0ntoso ", "", "winter"]);
    /// assert_eq!(terms.len(), 2);
    /// let evaluation = terms.evaluate("Contosso2024");
    /// assert_eq!(evaluation.found, ["Contoso"]); // one edit away still counts
    /// assert_eq!(evaluation.score, 5);
    /// assert!(evaluation.passes());
    /// ```
    pub fn new<S: AsRef<str>>(terms: impl IntoIterator<Item = S>) -> Self {
        let mut list: Vec<(String, Vec<char>)> = Vec::new();
        for term in terms {
            let term = term.as_ref().trim();
            let normalized: Vec<char> = normalize(term).chars().collect();
            if !normalized.is_empty() && !list.iter().any(|(_, n)| *n == normalized) {
                list.push((term.to_owned(), normalized));
            }
        }
        BannedTerms { terms: list }
    }

    /// How many distinct terms the list holds.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether the list holds no terms (then every password passes).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Finds banned terms in `password` and scores it.
    pub fn evaluate(&self, password: &str) -> Evaluation {
        let text: Vec<char> = normalize(password).chars().collect();
        // Every window of the password within one edit of a term: (start, length, term).
        let mut candidates: Vec<(usize, usize, usize, bool)> = Vec::new();
        for (index, (_, term)) in self.terms.iter().enumerate() {
            // Fuzzy matching only for terms long enough that one edit keeps them meaningful.
            let lengths = if term.len() >= 4 {
                term.len() - 1..=term.len() + 1
            } else {
                term.len()..=term.len()
            };
            for length in lengths {
                if length == 0 || length > text.len() {
                    continue;
                }
                for start in 0..=text.len() - length {
                    let window = &text[start..start + length];
                    let hit = if term.len() >= 4 {
                        within_one_edit(window, term)
                    } else {
                        window == term.as_slice()
                    };
                    if hit {
                        candidates.push((start, length, index, window == term.as_slice()));
                    }
                }
            }
        }
        // Exact matches first (so a neighbouring character is not swallowed by a fuzzy one),
        // then longer, then leftmost; keep those that do not overlap.
        candidates.sort_by(|a, b| b.3.cmp(&a.3).then(b.1.cmp(&a.1)).then(a.0.cmp(&b.0)));
        let mut covered = vec![false; text.len()];
        let mut found: Vec<usize> = Vec::new();
        let mut matches = 0u16;
        for (start, length, index, _) in candidates {
            if covered[start..start + length].iter().any(|c| *c) {
                continue;
            }
            covered[start..start + length]
                .iter_mut()
                .for_each(|c| *c = true);
            matches += 1;
            if !found.contains(&index) {
                found.push(index);
            }
        }
        let remaining = covered.iter().filter(|c| !**c).count();
        Evaluation {
            found: found.into_iter().map(|i| self.terms[i].0.clone()).collect(),
            score: matches.saturating_add(u16::try_from(remaining).unwrap_or(u16::MAX)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn substitutions_are_undone_and_case_is_ignored() {
        assert_eq!(normalize("P@$$w0rd"), "password");
        assert_eq!(normalize("C0nt0s0!"), "contosoi");
        assert_eq!(normalize("L3375P34K"), "leetspeak");
    }

    #[test]
    fn one_edit_is_within_reach_and_two_are_not() {
        assert!(within_one_edit(&chars("contoso"), &chars("contoso")));
        assert!(within_one_edit(&chars("contoso"), &chars("kontoso")));
        assert!(within_one_edit(&chars("contoso"), &chars("contosoo")));
        assert!(within_one_edit(&chars("contoso"), &chars("contso")));
        assert!(!within_one_edit(&chars("contoso"), &chars("kontso")));
        assert!(!within_one_edit(&chars("contoso"), &chars("con")));
    }

    #[test]
    fn a_banned_term_with_little_else_is_rejected() {
        let terms = BannedTerms::new(["contoso"]);
        // "contoso" (1) + "1" → "l" (1) + "!" → "i" (1) = 3 points.
        let evaluation = terms.evaluate("C0nt0s01!");
        assert_eq!(evaluation.found, ["contoso"]);
        assert_eq!(evaluation.score, 3);
        assert!(!evaluation.passes());
    }

    #[test]
    fn a_fuzzy_variant_of_a_banned_term_is_found() {
        let evaluation = BannedTerms::new(["contoso"]).evaluate("kontoso");
        assert_eq!(evaluation.found, ["contoso"]);
        assert!(!evaluation.passes());
    }

    #[test]
    fn enough_other_characters_let_a_password_with_a_banned_term_pass() {
        // "contoso" (1) + "blue", "fish" … 12 other characters.
        let evaluation = BannedTerms::new(["contoso"]).evaluate("contoso blue fish");
        assert_eq!(evaluation.found, ["contoso"]);
        assert!(evaluation.passes());
    }

    #[test]
    fn each_banned_term_counts_one_point() {
        let evaluation = BannedTerms::new(["spring", "summer"]).evaluate("Spring2Summer");
        assert_eq!(evaluation.found, ["spring", "summer"]);
        // spring (1) + "2" (1) + summer (1) = 3.
        assert_eq!(evaluation.score, 3);
    }

    #[test]
    fn a_password_without_banned_terms_passes_whatever_its_score() {
        let evaluation = BannedTerms::new(["contoso"]).evaluate("zebra");
        assert!(evaluation.found.is_empty());
        assert!(evaluation.passes());
    }

    #[test]
    fn terms_are_matched_after_normalising_them_too() {
        assert_eq!(BannedTerms::new(["C0ntoso", "contoso"]).len(), 1);
    }
}

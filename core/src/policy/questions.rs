//! The predefined security questions, by stable key. Their text lives in the widget's locale
//! files, so a key never changes meaning once published; new questions get new keys.

/// Every predefined question key, in the order the widget lists them.
pub const PREDEFINED_QUESTIONS: [&str; 36] = [
    "city_born",
    "city_parents_met",
    "city_first_job",
    "city_spouse_born",
    "childhood_best_friend",
    "childhood_nickname",
    "childhood_street",
    "childhood_hero",
    "childhood_phone_last_four",
    "first_pet_name",
    "first_car_model",
    "first_concert",
    "first_employer",
    "first_job_title",
    "first_school_name",
    "first_teacher_surname",
    "first_kiss_city",
    "favourite_food_as_child",
    "favourite_book_as_child",
    "favourite_film_as_teen",
    "favourite_sports_team_as_child",
    "favourite_toy_as_child",
    "grandmother_maiden_name",
    "grandfather_occupation",
    "oldest_cousin_first_name",
    "oldest_sibling_middle_name",
    "youngest_sibling_birthday_month",
    "father_middle_name",
    "mother_middle_name",
    "parents_wedding_city",
    "high_school_mascot",
    "high_school_graduation_year_city",
    "university_first_roommate",
    "wedding_reception_venue",
    "dream_job_as_child",
    "place_of_first_holiday",
];

/// Whether `key` names a predefined question.
pub fn is_predefined(key: &str) -> bool {
    PREDEFINED_QUESTIONS.contains(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn there_are_at_least_35_distinct_predefined_questions() {
        let mut keys = PREDEFINED_QUESTIONS.to_vec();
        keys.sort_unstable();
        keys.dedup();
        assert!(keys.len() >= 35);
        assert_eq!(keys.len(), PREDEFINED_QUESTIONS.len());
    }

    #[test]
    fn keys_are_lowercase_ascii_identifiers() {
        for key in PREDEFINED_QUESTIONS {
            assert!(
                key.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{key}"
            );
        }
    }
}

//! How long the verifiers take: an emailed code, an authenticator code, and the Argon2id hash
//! of security-question answers. `cargo xtask bench` runs this and prints the figures.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use sspr_core::methods::code::{CodeChallenge, CodePolicy};
use sspr_core::methods::questions::{AnswerInput, Question, RegisteredQuestions};
use sspr_core::methods::totp::TotpCredential;
use sspr_core::policy::SecurityQuestions;

const T: u64 = 1_700_000_000_000;

fn counter_fill() -> impl FnMut(&mut [u8]) {
    let mut n = 0u8;
    move |buf: &mut [u8]| {
        for b in buf {
            n = n.wrapping_mul(31).wrapping_add(7);
            *b = n;
        }
    }
}

fn code_verification(c: &mut Criterion) {
    let key = [7u8; 32];
    let (challenge, code) =
        CodeChallenge::issue(&key, b"flow", CodePolicy::default(), T, &mut counter_fill());
    c.bench_function("email code: verify the right code", |b| {
        b.iter(|| {
            let mut fresh = challenge.clone();
            black_box(fresh.verify(&key, b"flow", &code, T + 1)).unwrap();
        })
    });
}

fn totp_verification(c: &mut Criterion) {
    let credential = TotpCredential::enrol(&mut counter_fill());
    let code = credential.code_at(T);
    c.bench_function("authenticator: verify a current code", |b| {
        b.iter(|| {
            let mut fresh = credential.clone();
            black_box(fresh.verify(&code, T)).unwrap();
        })
    });
}

fn answer_hashing(c: &mut Criterion) {
    let policy = SecurityQuestions::default();
    let inputs: Vec<AnswerInput> = ["first_pet_name", "city_born", "first_car_model"]
        .iter()
        .zip(["Rex", "Oslo", "Beetle"])
        .map(|(key, answer)| AnswerInput {
            question: Question::Predefined((*key).into()),
            answer: answer.into(),
            confirmation: answer.into(),
        })
        .collect();
    let registered = RegisteredQuestions::register(&policy, &inputs, &mut counter_fill()).unwrap();
    let answers = vec!["rex".to_owned(), "oslo".to_owned(), "beetle".to_owned()];
    let mut group = c.benchmark_group("security questions");
    group.sample_size(10);
    group.bench_function("check 3 answers (Argon2id 19 MiB, t=2, p=1)", |b| {
        b.iter(|| black_box(registered.check(&[0, 1, 2], &answers)).unwrap())
    });
    group.finish();
}

criterion_group!(
    benches,
    code_verification,
    totp_verification,
    answer_hashing
);
criterion_main!(benches);

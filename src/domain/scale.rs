//! One person's answers to a fixed set of statements rated 1 to 5 (a meeting's feedback, the
//! outcomes survey), held only until they are added to the counts.

use std::marker::PhantomData;

/// A set of statements rated 1 to 5, each with its place in the set.
pub trait Statement: Copy {
    /// Its place, 0 to the number of statements less one.
    fn index(self) -> usize;
}

/// One answer (1 to 5) or none per statement of `S`, which has `N` statements. The type
/// parameter keeps a survey measure from being set in a feedback form.
#[derive(Debug, PartialEq, Eq)]
pub struct ScaleAnswers<S, const N: usize>([Option<u8>; N], PhantomData<S>);

impl<S, const N: usize> Clone for ScaleAnswers<S, N> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S, const N: usize> Copy for ScaleAnswers<S, N> {}

impl<S, const N: usize> Default for ScaleAnswers<S, N> {
    fn default() -> Self {
        Self::new([None; N])
    }
}

impl<S, const N: usize> ScaleAnswers<S, N> {
    pub fn new(answers: [Option<u8>; N]) -> Self {
        ScaleAnswers(answers, PhantomData)
    }

    /// Every answer, in the statements' order.
    pub fn all(&self) -> &[Option<u8>; N] {
        &self.0
    }

    /// Every statement answered, each from 1 to 5.
    pub fn is_complete(&self) -> bool {
        self.0
            .iter()
            .all(|a| a.is_some_and(|n| (1..=5).contains(&n)))
    }
}

impl<S: Statement, const N: usize> ScaleAnswers<S, N> {
    pub fn set(&mut self, statement: S, answer: u8) {
        if let Some(slot) = self.0.get_mut(statement.index()) {
            *slot = Some(answer);
        }
    }

    pub fn get(&self, statement: S) -> Option<u8> {
        self.0.get(statement.index()).copied().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy)]
    struct Two(usize);
    impl Statement for Two {
        fn index(self) -> usize {
            self.0
        }
    }

    #[test]
    fn complete_only_when_every_statement_has_an_answer_from_1_to_5() {
        let mut a = ScaleAnswers::<Two, 2>::default();
        assert!(!a.is_complete());
        a.set(Two(0), 3);
        assert_eq!(a.get(Two(0)), Some(3));
        assert!(!a.is_complete());
        a.set(Two(1), 6);
        assert!(!a.is_complete(), "6 is off the scale");
        a.set(Two(1), 5);
        assert!(a.is_complete());
        a.set(Two(9), 1);
        assert_eq!(
            a.all(),
            &[Some(3), Some(5)],
            "a statement outside the set changes nothing"
        );
    }
}

//! Parsers for the credential-carrying parts of an exchange. They never look at causes.

pub mod authorization;
pub mod basic;
pub mod date;
pub mod jwt;
pub mod www_authenticate;

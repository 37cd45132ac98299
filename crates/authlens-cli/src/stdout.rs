//! Writing results to standard output. `print!` panics when the reader has gone away
//! (`authlens analyze big.har | head`): here a closed pipe ends the program quietly, as other
//! command-line tools do, and any other write error is reported, both without a panic.

use std::io::{ErrorKind, Write};

/// Write `text` to standard output; on a closed pipe exit at once (status 0), on another write
/// error say so and exit with status 2.
pub fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("authlens: cannot write to standard output: {e}");
        std::process::exit(2);
    }
}

/// [`print`] with a line end.
pub fn line(text: &str) {
    print(&format!("{text}\n"));
}

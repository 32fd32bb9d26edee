//! Progress of an apply on stderr.

/// How progress is shown: a bar on a terminal, one plain line per action otherwise (CI logs),
/// nothing with `-q`.
pub enum Progress {
    Bar(indicatif::ProgressBar),
    Lines,
    Quiet,
}

impl Progress {
    /// A bar when stderr is a terminal and there are more than a few actions.
    pub fn for_actions(total: usize, quiet: bool) -> Progress {
        use std::io::IsTerminal as _;
        if quiet {
            Progress::Quiet
        } else if total > 3 && std::io::stderr().is_terminal() {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                    .expect("valid template"),
            );
            Progress::Bar(bar)
        } else {
            Progress::Lines
        }
    }

    pub(super) fn done(&self, line: &str) {
        match self {
            Progress::Bar(bar) => {
                bar.inc(1);
                bar.set_message(line.to_owned());
            }
            Progress::Lines => eprintln!("{line}"),
            Progress::Quiet => {}
        }
    }

    pub(super) fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}

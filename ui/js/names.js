// How a section is named wherever a list or a hit shows it: `17. Pods` for
// a numbered lecture, the bare title otherwise (the Rust side's
// `pilgi_core::note::numbered`).

/** The section's name from its lecture number (or null) and title. */
export const sectionName = (number, title) => (number == null ? title : `${number}. ${title}`);

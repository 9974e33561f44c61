// Hand-written stand-in for the ts-rs binding of the Rust type; the generated file replaces it.

export type ArchiveInfo = { data_dir: string, article_count: number, };

fn main() {
    match tierwise::data::embedded_catalog() {
        Ok(catalog) => {
            for model in &catalog.models {
                println!("{:<28} {}", model.id, model.openness.value.as_str());
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}

use crate::lexer::{lex, Token};
use std::collections::HashMap;

pub fn render(template: &str, vars: &HashMap<String, String>) -> Result<String, String> {
    let tokens = lex(template);
    let mut out = String::new();
    for t in &tokens {
        write_token(t, vars, &mut out)?;
    }
    Ok(out)
}

fn write_token(t: &Token, vars: &HashMap<String, String>, out: &mut String) -> Result<(), String> {
    match t {
        Token::Text(s) => out.push_str(s),
        Token::Var(name) => match vars.get(*name) {
            Some(v) => out.push_str(v),
            None => return Err(format!("unknown variable in {}", preview(name))),
        },
        Token::Block(inner) => {
            for t in inner {
                write_token(t, vars, out)?;
            }
        }
    }
    Ok(())
}

fn preview(s: &str) -> &str {
    if s.len() > 40 { &s[..40] } else { s }
}

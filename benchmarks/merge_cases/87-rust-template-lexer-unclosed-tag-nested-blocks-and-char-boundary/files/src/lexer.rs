pub enum Token<'a> {
    Text(&'a str),
    Var(&'a str),
    Block(Vec<Token<'a>>),
}

pub fn lex(src: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = src;
    while !rest.is_empty() {
        if rest.starts_with("{{") {
            let end = rest.find("}}").unwrap();
            out.push(Token::Var(rest[2..end].trim()));
            rest = &rest[end + 2..];
        } else if rest.starts_with("{%") {
            let (inner, after) = lex_block(&rest[2..]);
            out.push(Token::Block(inner));
            rest = after;
        } else {
            let next = rest[1..].find('{').map_or(rest.len(), |i| i + 1);
            out.push(Token::Text(&rest[..next]));
            rest = &rest[next..];
        }
    }
    out
}

fn lex_block(src: &str) -> (Vec<Token<'_>>, &str) {
    let close = src.find("{% end %}").unwrap_or(src.len());
    let body = &src[..close];
    (lex(body), &src[(close + 9).min(src.len())..])
}

package innopoints.engine.policy;

import innopoints.engine.facts.FactType;
import innopoints.engine.facts.FieldSpec;
import innopoints.engine.facts.Fact;
import innopoints.engine.money.Numbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A small arithmetic expression over a fact's numeric fields: field names, decimals,
 * {@code + - * /}, parentheses, {@code min(a, b)} and {@code max(a, b)}. Compiled once against a
 * fact type, so evaluation reads fields by index.
 */
public sealed interface Expression {

    BigDecimal eval(Fact fact);

    /** The expression in the document's words: field names replaced by their terms. */
    String words();

    /** The expression with the fact's values in place of the fields. */
    String withValues(Fact fact);

    /** The field indexes this expression reads. */
    void fields(List<Integer> into);

    /** Thrown when a fact lacks a value an expression needs. */
    final class MissingValue extends RuntimeException {
        private final FieldSpec field;

        public MissingValue(FieldSpec field) {
            super("missing " + field.name(), null, false, false);
            this.field = field;
        }

        public FieldSpec field() { return field; }
    }

    record Number(BigDecimal value) implements Expression {
        public BigDecimal eval(Fact fact) { return value; }
        public String words() { return Numbers.plain(value); }
        public String withValues(Fact fact) { return Numbers.show(value); }
        public void fields(List<Integer> into) {}
    }

    record Field(int index, FieldSpec spec) implements Expression {
        public BigDecimal eval(Fact fact) {
            Object v = fact.value(index);
            if (v instanceof BigDecimal d) return d;
            throw new MissingValue(spec);
        }
        public String words() { return spec.term(); }
        public String withValues(Fact fact) {
            Object v = fact.value(index);
            return v instanceof BigDecimal d ? Numbers.show(d) : "?";
        }
        public void fields(List<Integer> into) { into.add(index); }
    }

    record Binary(char op, Expression left, Expression right) implements Expression {
        public BigDecimal eval(Fact fact) {
            BigDecimal l = left.eval(fact), r = right.eval(fact);
            return switch (op) {
                case '+' -> l.add(r);
                case '-' -> l.subtract(r);
                case '*' -> l.multiply(r);
                default -> r.signum() == 0 ? BigDecimal.ZERO : l.divide(r, Numbers.MC);
            };
        }
        public String words() { return "(" + left.words() + " " + sign() + " " + right.words() + ")"; }
        public String withValues(Fact fact) {
            return "(" + left.withValues(fact) + " " + sign() + " " + right.withValues(fact) + ")";
        }
        private String sign() { return switch (op) { case '*' -> "×"; case '/' -> "÷"; case '-' -> "−"; default -> "+"; }; }
        public void fields(List<Integer> into) { left.fields(into); right.fields(into); }
    }

    record Call(String name, Expression a, Expression b) implements Expression {
        public BigDecimal eval(Fact fact) {
            BigDecimal x = a.eval(fact), y = b.eval(fact);
            return name.equals("min") ? x.min(y) : x.max(y);
        }
        public String words() { return name + "(" + a.words() + ", " + b.words() + ")"; }
        public String withValues(Fact fact) { return name + "(" + a.withValues(fact) + ", " + b.withValues(fact) + ")"; }
        public void fields(List<Integer> into) { a.fields(into); b.fields(into); }
    }

    /** Parses {@code source} against the fields of {@code type}; errors name the position. */
    static Expression parse(String source, FactType type) {
        return new Parser(source, type).parse();
    }

    /** A parse error, with a message fit for a policy officer. */
    final class Invalid extends RuntimeException {
        public Invalid(String message) { super(message); }
    }

    final class Parser {
        private final String src;
        private final FactType type;
        private int pos;

        Parser(String src, FactType type) {
            this.src = src;
            this.type = type;
        }

        Expression parse() {
            Expression e = sum();
            skip();
            if (pos < src.length()) throw new Invalid("unexpected '" + src.charAt(pos) + "' at column " + (pos + 1) + " of '" + src + "'");
            return e;
        }

        private Expression sum() {
            Expression e = product();
            while (true) {
                skip();
                if (peek('+') || peek('-')) {
                    char op = src.charAt(pos++);
                    e = new Binary(op, e, product());
                } else return e;
            }
        }

        private Expression product() {
            Expression e = atom();
            while (true) {
                skip();
                if (peek('*') || peek('/')) {
                    char op = src.charAt(pos++);
                    e = new Binary(op, e, atom());
                } else return e;
            }
        }

        private Expression atom() {
            skip();
            if (pos >= src.length()) throw new Invalid("'" + src + "' ends where a value was expected");
            char c = src.charAt(pos);
            if (c == '(') {
                pos++;
                Expression e = sum();
                skip();
                expect(')');
                return e;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) pos++;
                return new Number(new BigDecimal(src.substring(start, pos)));
            }
            if (Character.isLetter(c) || c == '_') {
                int start = pos;
                while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
                String name = src.substring(start, pos);
                skip();
                if ((name.equals("min") || name.equals("max")) && peek('(')) {
                    pos++;
                    Expression a = sum();
                    skip();
                    expect(',');
                    Expression b = sum();
                    skip();
                    expect(')');
                    return new Call(name, a, b);
                }
                if (type == null) throw new Invalid("'" + name + "' needs a fact type to name a field");
                int index = type.indexOf(name);
                if (index < 0) {
                    throw new Invalid("'" + name + "' is not a field of fact type " + type.key() + " (fields: "
                            + String.join(", ", type.fields().stream().map(FieldSpec::name).toList()) + ")");
                }
                FieldSpec spec = type.field(index);
                if (!spec.type().numeric()) throw new Invalid("field '" + name + "' of " + type.key() + " is " + spec.type().key() + ", not a number");
                return new Field(index, spec);
            }
            throw new Invalid("unexpected '" + c + "' at column " + (pos + 1) + " of '" + src + "'");
        }

        private void expect(char c) {
            if (!peek(c)) throw new Invalid("expected '" + c + "' at column " + (pos + 1) + " of '" + src + "'");
            pos++;
        }

        private boolean peek(char c) { return pos < src.length() && src.charAt(pos) == c; }

        private void skip() { while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++; }
    }

    /** All field indexes read by the expression. */
    default List<Integer> fieldIndexes() {
        List<Integer> l = new ArrayList<>();
        fields(l);
        return l;
    }
}

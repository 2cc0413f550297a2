import SurveyCore
import Testing

private typealias Node = FilterExpression.Node

private func parse(_ text: String) throws(SurveyError) -> FilterExpression {
    try FilterExpression(parsing: text)
}

private func parseError(_ text: String) -> String? {
    do {
        _ = try FilterExpression(parsing: text)
        return nil
    } catch {
        #expect(error.kind == .invalidFilter)
        return error.message
    }
}

private func cmp(_ v: String, _ op: FilterExpression.Comparison, _ x: Double) -> Node {
    .compare(variable: v, op, .number(x))
}

private func cmp(_ v: String, _ op: FilterExpression.Comparison, _ s: String) -> Node {
    .compare(variable: v, op, .string(s))
}

/// Six respondents; the fourth has `age` missing, the fifth `q1` missing.
private let sample: Dataset = {
    var codebook = Codebook()
    codebook["q1"] = VariableMetadata(
        valueLabels: [
            ValueLabel(code: 1, label: LocalizedText(["en": "Agree", "ru": "Согласен", "kk": "Келісемін"])),
            ValueLabel(code: 2, label: LocalizedText(["en": "Disagree", "ru": "Не согласен"])),
            ValueLabel(code: 3, label: LocalizedText(["en": "Neutral"])),
            ValueLabel(code: 98, label: LocalizedText(["en": "Don't know"])),
            ValueLabel(code: 99, label: LocalizedText(["en": "Refused"])),
            ValueLabel(code: 100, label: LocalizedText(["en": "Other"])),
        ],
        missingCodes: [98, 99]
    )
    codebook["size"] = VariableMetadata(valueLabels: [ValueLabel(code: 10, label: LocalizedText("Small"))])
    return try! Dataset(
        columns: [
            .numeric("age", [17, 18, 30, .nan, 65, 45]),
            .numeric("q1", [1, 2, 98, 1, .nan, 3]),
            .categorical("region", codes: [0, 1, 2, -1, 0, 1], levels: ["Almaty", "Astana", "Shymkent"]),
            .categorical("edu", codes: [0, 1, 2, 3, -1, 2], levels: ["1", "2", "10", "Don't know"]),
            .categorical("size", codes: [0, 1, 2, 0, 1, -1], levels: ["10", "100", "20"]),
            Column(name: "comment", values: .text(["good", nil, "bad", "good", "ok", nil])),
            .numeric("доход", [100, 200, 300, 400, 500, 600]),
            .numeric("q 1", [1, 1, 2, 2, 3, 3]),
            .numeric("missing", [0, 1, 0, 1, 0, 1]),
        ],
        codebook: codebook
    )
}()

private func mask(_ text: String) throws -> [Bool] {
    try FilterExpression(parsing: text).evaluate(on: sample)
}

private func evaluationError(_ text: String) -> SurveyError? {
    do {
        _ = try FilterExpression(parsing: text).evaluate(on: sample)
        return nil
    } catch {
        return error
    }
}

private let T = true, F = false

@Suite("Filter expressions")
struct FilterExpressionTests {
    // MARK: - Parsing

    @Test func notBindsTighterThanAndWhichBindsTighterThanOr() throws {
        #expect(try parse("a == 1 or b == 2 and not c == 3").root
            == .or(cmp("a", .equal, 1), .and(cmp("b", .equal, 2), .not(cmp("c", .equal, 3)))))
        #expect(try parse("not a == 1 and b == 2").root == .and(.not(cmp("a", .equal, 1)), cmp("b", .equal, 2)))
        #expect(try parse("(a == 1 or b == 2) and c == 3").root
            == .and(.or(cmp("a", .equal, 1), cmp("b", .equal, 2)), cmp("c", .equal, 3)))
        #expect(try parse("a == 1 or b == 2 or c == 3").root
            == .or(.or(cmp("a", .equal, 1), cmp("b", .equal, 2)), cmp("c", .equal, 3)))
        #expect(try parse("a == 1 and b == 2 and c == 3").root
            == .and(.and(cmp("a", .equal, 1), cmp("b", .equal, 2)), cmp("c", .equal, 3)))
        #expect(try parse("not not a > 1").root == .not(.not(cmp("a", .greater, 1))))
        #expect(try parse("((a > 1))").root == cmp("a", .greater, 1))
    }

    @Test func symbolAliasesAndKeywordCaseDoNotMatter() throws {
        let words = try parse("a == 1 or b == 2 and not c == 3")
        for text in ["a == 1 || b == 2 && !c == 3", "a==1|b==2&!c==3", "a == 1 OR b == 2 And NOT c == 3", "a = 1 or b = 2 and not c = 3"] {
            #expect(try parse(text) == words, "\(text)")
        }
        #expect(try parse("age>=18&region==\"Almaty\"").root
            == .and(cmp("age", .greaterOrEqual, 18), cmp("region", .equal, "Almaty")))
    }

    @Test func everyComparisonOperator() throws {
        let cases: [(String, FilterExpression.Comparison)] = [
            ("==", .equal), ("=", .equal), ("!=", .notEqual), ("<>", .notEqual),
            ("<", .less), ("<=", .lessOrEqual), (">", .greater), (">=", .greaterOrEqual),
        ]
        for (symbol, op) in cases {
            #expect(try parse("x \(symbol) 1").root == cmp("x", op, 1), "\(symbol)")
            #expect(try parse("1 \(symbol) x").root == cmp("x", op.swapped, 1), "\(symbol) reversed")
        }
        #expect(try parse("18 <= age") == parse("age >= 18"))
        #expect(try parse("\"Almaty\" == region") == parse("region == \"Almaty\""))
    }

    @Test func membershipAndMissingTests() throws {
        #expect(try parse("x in (1, \"a\", -2.5e3)").root == .isIn(variable: "x", [.number(1), .string("a"), .number(-2500)]))
        #expect(try parse("x IN (1)").root == .isIn(variable: "x", [.number(1)]))
        #expect(try parse("x not in (1, 2)").root == .not(.isIn(variable: "x", [.number(1), .number(2)])))
        #expect(try parse("x is missing").root == .isMissing(variable: "x"))
        #expect(try parse("x IS NOT MISSING").root == .not(.isMissing(variable: "x")))
        #expect(try parse("not x is missing") == parse("x is not missing"))
    }

    @Test func numberLiterals() throws {
        let cases: [(String, Double)] = [
            ("18", 18), ("-2.5", -2.5), ("+3", 3), (".5", 0.5), ("-.5e+1", -5), ("1e3", 1000), ("1E-2", 0.01), ("5.", 5), ("0", 0),
        ]
        for (text, value) in cases {
            #expect(try parse("x > \(text)").root == cmp("x", .greater, value), "\(text)")
        }
        #expect(try parse("x>-1").root == cmp("x", .greater, -1))
    }

    @Test func stringLiteralsInEitherQuotesWithEscapes() throws {
        let cases: [(String, String)] = [
            ("\"Almaty\"", "Almaty"), ("'Almaty'", "Almaty"), ("'it\\'s'", "it's"), ("\"say \\\"hi\\\"\"", "say \"hi\""),
            ("'say \"hi\"'", "say \"hi\""), ("\"Don't know\"", "Don't know"), ("\"back\\\\slash\"", "back\\slash"),
            ("\"a\\tb\\nc\\rd\"", "a\tb\nc\rd"), ("\"\"", ""), ("\"Алматы\"", "Алматы"), ("'a`b'", "a`b"),
        ]
        for (text, value) in cases {
            #expect(try parse("x == \(text)").root == cmp("x", .equal, value), "\(text)")
        }
    }

    @Test func variableNames() throws {
        let cases: [(String, String)] = [
            ("регион", "регион"), ("Қала", "Қала"), ("q1.a", "q1.a"), ("_x", "_x"), (".x", ".x"), ("x_1.2", "x_1.2"),
            ("`q 1`", "q 1"), ("`we\\`ird`", "we`ird"), ("`and`", "and"), ("`1st`", "1st"), ("missing", "missing"),
            ("in", "in"), ("is", "is"), ("ANDY", "ANDY"), ("notes", "notes"), ("order", "order"),
        ]
        for (text, name) in cases {
            #expect(try parse("\(text) == 1").root == cmp(name, .equal, 1), "\(text)")
        }
        #expect(try parse("missing is missing").root == .isMissing(variable: "missing"))
        #expect(try parse("in in (1)").root == .isIn(variable: "in", [.number(1)]))
    }

    @Test func variablesInOrderOfFirstUse() throws {
        #expect(try parse("age > 1 and (region == \"A\" or age < 5) and not q1 is missing or `q 1` in (1)").variables
            == ["age", "region", "q1", "q 1"])
    }

    @Test func descriptionIsCanonicalAndParsesBack() throws {
        #expect(try parse("(a==1 or b==2) AND NOT (c==3 && d=='x')").description == "(a == 1 or b == 2) and not (c == 3 and d == \"x\")")
        #expect(try parse("18<=age").description == "age >= 18")
        #expect(try parse("x not in (1,'a')").description == "x not in (1, \"a\")")
        #expect(try parse("not (x is missing)").description == "x is not missing")
        #expect(try parse("`q 1` == 'say \"hi\"\\n'").description == "`q 1` == \"say \\\"hi\\\"\\n\"")
        #expect(try parse("x > 0.25 and y < -1e-7 and z == 1e20").description == "x > 0.25 and y < -1e-07 and z == 1e+20")
        let texts = [
            "a == 1 or (b == 2 or c == 3)", "a == 1 and (b == 2 and c == 3)", "not (a == 1 or b == 2) and c is not missing",
            "`and` == 1 or `1x` != \"\"", "not not not x in (1, 2)", "регион in ('Алматы') or `q 1` < .5",
            "(a == 1 and b == 2) or (c == 3 and (d == 4 or e == 5))",
        ]
        for text in texts {
            let f = try parse(text)
            #expect(try parse(f.description) == f, "\(text) → \(f.description)")
            #expect(try parse(f.description).description == f.description)
        }
    }

    @Test func equalityIgnoresSpelling() throws {
        #expect(try parse("a==1&&b==2") == parse("a = 1 AND b = 2"))
        #expect(try parse("a == 1 and b == 2") != parse("b == 2 and a == 1"))
        let built = FilterExpression(.and(cmp("age", .greaterOrEqual, 18), cmp("region", .equal, "Almaty")))
        #expect(built.text == "age >= 18 and region == \"Almaty\"")
        #expect(try built == parse("age >= 18 & region == 'Almaty'"))
        #expect(built.description == built.text)
    }

    // MARK: - Evaluation

    @Test func numericComparisons() throws {
        // age: 17, 18, 30, NA, 65, 45
        #expect(try mask("age >= 18") == [F, T, T, F, T, T])
        #expect(try mask("18 <= age") == [F, T, T, F, T, T])
        #expect(try mask("age > 18") == [F, F, T, F, T, T])
        #expect(try mask("age < 18") == [T, F, F, F, F, F])
        #expect(try mask("age <= 18") == [T, T, F, F, F, F])
        #expect(try mask("age == 30") == [F, F, T, F, F, F])
        #expect(try mask("age = 30") == [F, F, T, F, F, F])
        #expect(try mask("age != 30") == [T, T, F, F, T, T])
        #expect(try mask("age <> 30") == [T, T, F, F, T, T])
        #expect(try mask("age > 17 and age < 65") == [F, T, T, F, F, T])
        #expect(try mask("age in (17, 65)") == [T, F, F, F, T, F])
        #expect(try mask("age not in (17, 65)") == [F, T, T, F, F, T])
        #expect(try mask("доход > 250") == [F, F, T, T, T, T])
        #expect(try mask("`q 1` == 2") == [F, F, T, T, F, F])
        #expect(try mask("missing == 1") == [F, T, F, T, F, T])
    }

    @Test func missingValuesFollowThreeValuedLogic() throws {
        // Row 4 has age missing and q1 == 1; row 5 has q1 missing.
        #expect(try mask("age is missing") == [F, F, F, T, F, F])
        #expect(try mask("age is not missing") == [T, T, T, F, T, T])
        #expect(try mask("not age is missing") == [T, T, T, F, T, T])
        #expect(try mask("not age > 20") == [T, T, F, F, F, F])  // not unknown is unknown
        #expect(try mask("age > 20 or age is missing") == [F, F, T, T, T, T])
        #expect(try mask("age > 20 or q1 == 1") == [T, F, T, T, T, T])  // unknown or true = true
        #expect(try mask("age > 20 and q1 == 1") == [F, F, F, F, F, F])  // unknown and true = unknown
        #expect(try mask("not (age > 20 and q1 == 1)") == [T, T, T, F, F, T])
        // false and unknown = false, so its negation is true (as R: !(FALSE & NA) is TRUE).
        #expect(try mask("q1 == 2 and age > 0") == [F, T, F, F, F, F])
        #expect(try mask("not (q1 == 2 and age > 0)") == [T, F, T, T, F, T])
        #expect(try mask("q1 in (1, 3)") == [T, F, F, T, F, T])
        #expect(try mask("q1 not in (1, 3)") == [F, T, T, F, F, F])
        #expect(try mask("region is missing") == [F, F, F, T, F, F])
        #expect(try mask("comment is missing") == [F, T, F, F, F, T])
        #expect(try mask("missing is missing") == [F, F, F, F, F, F])
    }

    @Test func valueLabelsStandForTheirCodes() throws {
        // q1: 1, 2, 98, 1, NA, 3
        #expect(try mask("q1 == \"Agree\"") == [T, F, F, T, F, F])
        #expect(try mask("q1 == 'Согласен'") == [T, F, F, T, F, F])
        #expect(try mask("q1 == \"Келісемін\"") == [T, F, F, T, F, F])
        #expect(try mask("q1 <= \"Disagree\"") == [T, T, F, T, F, F])
        #expect(try mask("q1 != \"Agree\"") == [F, T, T, F, F, T])
        #expect(try mask("q1 in (\"Agree\", 3)") == [T, F, F, T, F, T])
        // User-missing codes are ordinary values in a filter.
        #expect(try mask("q1 == \"Don't know\"") == [F, F, T, F, F, F])
        #expect(try mask("q1 == 98") == [F, F, T, F, F, F])
        #expect(try mask("q1 < 98") == [T, T, F, T, F, T])
    }

    @Test func categoricalLevels() throws {
        // region: Almaty, Astana, Shymkent, NA, Almaty, Astana
        #expect(try mask("region == \"Almaty\"") == [T, F, F, F, T, F])
        #expect(try mask("region != \"Almaty\"") == [F, T, T, F, F, T])
        #expect(try mask("region > \"Almaty\"") == [F, T, T, F, F, T])
        #expect(try mask("region <= \"Astana\"") == [T, T, F, F, T, T])
        #expect(try mask("region in ('Almaty', 'Shymkent')") == [T, F, T, F, T, F])
        #expect(try mask("region not in ('Almaty')") == [F, T, T, F, F, T])
        // size: "10", "100", "20", "10", "100", NA — numbers compare the numbers the levels spell.
        #expect(try mask("size == 10") == [T, F, F, T, F, F])
        #expect(try mask("size > 15") == [F, T, T, F, T, F])
        #expect(try mask("size in (20, 100)") == [F, T, T, F, T, F])
        #expect(try mask("size >= \"100\"") == [F, T, T, F, T, F])  // by level order: "10" < "100" < "20"
        #expect(try mask("size == \"Small\"") == [T, F, F, T, F, F])  // a value label of code 10
        // edu: "1", "2", "10", "Don't know", NA, "10"
        #expect(try mask("edu == 10") == [F, F, T, F, F, T])
        #expect(try mask("edu != 10") == [T, T, F, T, F, F])
        #expect(try mask("edu == \"Don't know\"") == [F, F, F, T, F, F])
        #expect(try mask("edu >= \"2\"") == [F, T, T, T, F, T])
    }

    @Test func textVariables() throws {
        // comment: good, NA, bad, good, ok, NA
        #expect(try mask("comment == \"good\"") == [T, F, F, T, F, F])
        #expect(try mask("comment != \"good\"") == [F, F, T, F, T, F])
        #expect(try mask("comment in (\"bad\", \"ok\")") == [F, F, T, F, T, F])
        #expect(try mask("comment not in (\"bad\", \"ok\")") == [T, F, F, T, F, F])
    }

    @Test func emptyDatasetGivesEmptyMask() throws {
        let empty = try Dataset(columns: [.numeric("age", [])])
        #expect(try FilterExpression(parsing: "age > 1").evaluate(on: empty) == [])
    }

    // MARK: - Errors

    @Test func syntaxErrorsPointAtTheColumn() {
        let cases: [(String, String)] = [
            ("age >= and x", "expected a number or a quoted string at column 8."),
            ("age >=", "expected a number or a quoted string at column 7."),
            ("age in (1,)", "expected a number or a quoted string at column 11."),
            ("", "it is empty; write a condition such as age >= 18, or give no filter."),
            ("   ", "it is empty; write a condition such as age >= 18, or give no filter."),
            ("age >= 18 and", "expected a condition at column 14, where the filter ends; add one such as age >= 18."),
            ("not", "expected a condition at column 4, where the filter ends; add one such as age >= 18."),
            ("age 18", "expected a comparison (==, !=, <, <=, >, >=), 'in' or 'is' at column 5, found the number 18."),
            ("age", "expected a comparison (==, !=, <, <=, >, >=), 'in' or 'is' at column 4, where the filter ends."),
            ("(age > 1", "expected ')' at column 9, where the filter ends; close the parenthesis opened at column 1."),
            ("(age > 1 age", "expected ')' at column 10, found the name 'age'; close the parenthesis opened at column 1."),
            ("age > 1)", "unexpected ')' at column 8; remove it or add a matching '('."),
            ("age > 1 region", "expected 'and', 'or' or the end of the filter at column 9, found the name 'region'."),
            ("region == Almaty", "expected a number or a quoted string at column 11, found the name 'Almaty'; put text in quotes, as in region == \"Almaty\" (comparing two variables is not supported)."),
            ("region in (Almaty)", "expected a number or a quoted string at column 12, found the name 'Almaty'; put text in quotes, as in \"Almaty\" (comparing two variables is not supported)."),
            ("region == `Almaty`", "expected a number or a quoted string at column 11, found the name `Almaty`; comparing two variables is not supported."),
            ("5 == 5", "expected a variable name at column 6, found the number 5; compare a variable with a value, as in age == 5."),
            ("5 age", "expected a comparison (==, !=, <, <=, >, >=) at column 3, found the name 'age'."),
            ("5 == (", "expected a variable name at column 6, found '('."),
            ("age => 5", "unknown operator '=>' at column 5; write '>='."),
            ("age =< 5", "unknown operator '=<' at column 5; write '<='."),
            ("age # 5", "unexpected character '#' at column 5; use ==, !=, <, <=, >, >=, in, is missing, and, or, not and parentheses."),
            ("region == \"Alm", "the string at column 11 has no closing quote; add \" at its end."),
            ("region == 'Alm", "the string at column 11 has no closing quote; add ' at its end."),
            ("region == 'a\\qb'", "unknown escape '\\q' at column 13; write \\\\ for a backslash, \\\" or \\' for a quote."),
            ("region == 'a\\", "the backslash at column 13 has nothing to escape; write \\\\ for a backslash."),
            ("age in 1, 2", "expected '(' at column 8, found the number 1; write the values after 'in' in parentheses, as in age in (1, 2)."),
            ("age in ()", "expected a number or a quoted string at column 9, found ')'; the list after 'in' needs at least one value."),
            ("age in (1, 2", "expected ',' or ')' at column 13, where the filter ends; separate the values with commas and close the list opened at column 8 with ')'."),
            ("age in (1 2)", "expected ',' or ')' at column 11, found the number 2; separate the values with commas and close the list opened at column 8 with ')'."),
            ("age is", "expected 'missing' or 'not missing' at column 7, where the filter ends."),
            ("age is not", "expected 'missing' at column 11, where the filter ends."),
            ("age is nothing", "expected 'missing' or 'not missing' at column 8, found the name 'nothing'."),
            ("and age > 1", "expected a condition at column 1, found 'and'."),
            ("== 5", "expected a variable name at column 1, found '=='."),
            (", age", "expected a condition at column 1, found ','."),
            (")", "expected a condition at column 1, found ')'."),
            ("age > 1 or or age < 3", "expected a condition at column 12, found 'or'."),
            ("age == 1 &&& age == 2", "expected a condition at column 12, found '&'."),
            ("`` == 1", "the backquotes at column 1 hold no name; write the variable name between them."),
            ("`abc == 1", "the name in backquotes at column 1 has no closing backquote; add ` at its end."),
            ("18years > 1", "'18years' at column 1 is neither a number nor a name; write a name that starts with a digit in backquotes: `18years`."),
            ("age > -x", "'-' at column 7 is not followed by a number; a value is a number or a quoted string (arithmetic is not supported)."),
            ("age > 1.2.3", "'1.2.3' at column 7 is neither a number nor a name; write a name that starts with a digit in backquotes: `1.2.3`."),
            ("регион == 1 и", "expected 'and', 'or' or the end of the filter at column 13, found the name 'и'."),
        ]
        for (text, problem) in cases {
            #expect(parseError(text) == "Cannot read the filter '\(text)': \(problem)", "\(text)")
        }
    }

    @Test func valuesThatDoNotFitTheVariable() {
        let cases: [(String, String)] = [
            ("q1 == \"Agre\"", "\"Agre\" (column 7) is not a value label of 'q1' in any language; its labels include 'Agree', 'Disagree', 'Neutral', 'Don't know', 'Refused' and 1 more."),
            ("q1 in (1, \"Nope\")", "\"Nope\" (column 11) is not a value label of 'q1' in any language; its labels include 'Agree', 'Disagree', 'Neutral', 'Don't know', 'Refused' and 1 more."),
            ("q1 == \"Refusd\"", "\"Refusd\" (column 7) is not a value label of 'q1' in any language; its labels include 'Refused', 'Agree', 'Disagree', 'Neutral', 'Don't know' and 1 more."),
            ("age == \"thirty\"", "'age' is numeric and has no value labels, so it cannot be compared with the text \"thirty\" (column 8); compare it with a number."),
            ("age >= \"30\"", "'age' is numeric and has no value labels, so it cannot be compared with the text \"30\" (column 8); write 30 without quotes."),
            ("region == \"Almty\"", "\"Almty\" (column 11) is not a level of 'region'; its levels include 'Almaty', 'Astana' and 'Shymkent'."),
            ("region == 5", "'region' has text levels, so 5 (column 11) must be a level in quotes; its levels include 'Almaty', 'Astana' and 'Shymkent'."),
            ("region in (\"Almaty\", 3)", "'region' has text levels, so 3 (column 22) must be a level in quotes; its levels include 'Almaty', 'Astana' and 'Shymkent'."),
            ("edu > 1", "'edu' has levels that are not numbers, such as 'Don't know', so '>' (column 5) with the number 1 is ambiguous; compare it with a level in quotes, which orders by the order of levels."),
            ("comment < \"x\"", "'comment' is free text, so it cannot be compared with '<' (column 9); use ==, != or in."),
            ("comment == 5", "'comment' is free text, so the number 5 (column 12) must be written in quotes (\"5\")."),
            ("comment in (\"good\", 5)", "'comment' is free text, so the number 5 (column 21) must be written in quotes (\"5\")."),
        ]
        for (text, problem) in cases {
            let error = evaluationError(text)
            #expect(error?.kind == .invalidFilter, "\(text)")
            #expect(error?.message == "Cannot apply the filter '\(text)': \(problem)", "\(text)")
        }
    }

    @Test func unknownVariablesAreNamedWithSuggestions() {
        let error = evaluationError("age > 1 and regoin == \"x\"")
        #expect(error?.kind == .unknownVariable)
        #expect(error?.message == "Unknown variable 'regoin': the data has no such column; did you mean 'region'?")
    }

    @Test func builtFiltersReportWithoutColumns() {
        let f = FilterExpression(cmp("region", .equal, "Almty"))
        do {
            _ = try f.evaluate(on: sample)
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "Cannot apply the filter 'region == \"Almty\"': \"Almty\" is not a level of 'region'; its levels include 'Almaty', 'Astana' and 'Shymkent'.")
        }
    }
}

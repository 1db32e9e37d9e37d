// The .cwf workflow language: one grammar for the lexer and the parser.
// spec/language.md is the readable reference; this file is the authority on syntax.
//
// How it is driven (src/Cwf/Syntax/CwfParser.cs): the whole file is lexed once, the token
// stream is cut into statements at line-initial statement keywords, and each statement is
// parsed on its own with `statementEntry`. So a mistake in one statement never hides the
// next one. Canvas SQL fragments use `expressionEntry` and `selectListEntry`.
//
// Keywords are case-insensitive. Only the SQL operators and literals are reserved; every
// statement and step keyword is a soft keyword that stays usable as a column name
// (`area`, `distance`, `source`, `date` ...), see `identifier`.

grammar Cwf;

options { caseInsensitive = true; }

// ---------------------------------------------------------------------------------------
// Entry rules

program        : statement* EOF ;
statementEntry : statement EOF ;
expressionEntry: expression EOF ;
selectListEntry: SELECT? selectItem (',' selectItem)* EOF ;

// ---------------------------------------------------------------------------------------
// Statements

statement
    : WORKFLOW text                                                       # workflowStatement
    | kind=(PARAM | CONST) identifier (':' typeName)? '=' expression      # parameterStatement
    | SOURCE identifier '=' TABLE text schemaBlock?                       # sourceStatement
    | SOURCE identifier '=' VALUES schemaBlock '[' (valuesRow (',' valuesRow)* ','?)? ']'  # valuesStatement
    // A table the CARTO Analytics Toolbox's IMPORT_URL makes from a file (canvas native.importurl): its columns
    // are the file's, known at run time, so they are declared with `returns`, or left unchecked.
    | SOURCE identifier '=' IMPORT text stepOptions? (RETURNS schemaBlock)?   # importStatement
    | LET identifier '=' COMPONENT text '(' (identifier (',' identifier)*)? ')' propertyBlock?  # componentStatement
    | LET identifier (',' identifier)? '=' pipeline                      # letStatement
    | OUTPUT pipeline '->' TABLE text (MODE identifier)?                  # outputStatement
    | ASSERT (identifier | TABLE text) assertion                          # assertStatement
    | IDENTIFIER .*?                                                      # unknownStatement
    ;

// Data checks (spec/language.md "Data checks"): one check per assert statement.
assertion
    : UNIQUE '(' columnRef (',' columnRef)* ')'                            # uniqueAssertion
    | NOT_NULL '(' columnRef (',' columnRef)* ')'                          # notNullAssertion
    | ROWS BETWEEN INTEGER AND INTEGER                                     # rowsAssertion
    | ACCEPTED_VALUES '(' columnRef ',' '[' expression (',' expression)* ']' ')'  # acceptedValuesAssertion
    | EXPRESSION expression                                                # expressionAssertion
    | IDENTIFIER .*?                                                       # unknownAssertion
    ;

schemaBlock     : '{' (columnDecl (',' columnDecl)* ','?)? '}' ;
valuesRow       : '(' expression (',' expression)* ')' ;
propertyBlock   : '{' (property (',' property)* ','?)? '}' ;
property        : identifier ':' text ;
columnDecl      : identifier ':' typeName (NOT NULL)? ;

// A type as written: a cwf name (int64, geography ...) or a warehouse name (varchar(20),
// double precision, timestamp with time zone); resolved by the binder.
typeName        : identifier (PRECISION | VARYING | (WITH | WITHOUT) TIME ZONE)? ('(' INTEGER (',' INTEGER)* ')')? ;

// A statement-level string: table names, the workflow title, raw SQL.
text            : DQ_STRING | SQ_STRING | TRIPLE_STRING ;

// ---------------------------------------------------------------------------------------
// Pipelines and steps

pipeline        : identifier ('|' step)* ;

step
    : FILTER expression                                                   # filterStep
    | SPLIT expression                                                    # splitStep
    | SELECT selectItem (',' selectItem)*                                 # selectStep
    | DERIVE derivation (',' derivation)*                                 # deriveStep
    | RENAME renaming (',' renaming)*                                     # renameStep
    | DROP columnRef (',' columnRef)*                                     # dropStep
    | SORT sortKey (',' sortKey)*                                         # sortStep
    | (TAKE | LIMIT) expression (PER expression (',' expression)* keyOrder)?  # takeStep
    | DISTINCT (ON '(' expression (',' expression)* ')' keyOrder?)?       # distinctStep
    | GROUP BY groupKey (',' groupKey)* aggregateBlock                    # groupStep
    | SUMMARIZE aggregateBlock                                            # summarizeStep
    | joinKind? JOIN identifier ON expression                             # joinStep
    | joinKind? SPATIAL_JOIN identifier ON expression                     # spatialJoinStep
    | SPATIAL_FILTER identifier ON expression                             # spatialFilterStep
    | NEAREST expression FROM identifier (ON columnRef ',' columnRef)? (WITHIN expression unit?)? (AS identifier)?  # nearestStep
    | UNION (BY NAME)? identifier (',' identifier)*                       # unionStep
    | BUFFER columnRef BY expression unit? (AS identifier)?               # bufferStep
    | CENTROID columnRef (AS identifier)?                                 # centroidStep
    | AREA columnRef (IN unit)? (AS identifier)?                          # areaStep
    | DISTANCE columnRef ',' columnRef (IN unit)? (AS identifier)?        # distanceStep
    | POINT identifier '=' columnRef ',' identifier '=' columnRef (AS identifier)?  # pointStep
    | H3 columnRef RESOLUTION expression (AS identifier)?                 # h3Step
    | H3_BOUNDARY columnRef (AS identifier)?                              # h3BoundaryStep
    | SQL (WITH identifier (',' identifier)*)? text (RETURNS schemaBlock)? # sqlStep
    | CALL (WITH identifier (',' identifier)*)? text (RETURNS schemaBlock)? # callStep
    // Any component's step without a grammar rule of its own (spec/components.md): a plain name as the
    // keyword, the positional arguments, the options by canvas input name, the added column's name.
    | IDENTIFIER (expression (',' expression)*)? stepOptions? (AS identifier)?  # genericStep
    | IDENTIFIER (~'|')*                                                  # unknownStep
    ;

joinKind        : INNER | LEFT OUTER? | RIGHT OUTER? | FULL OUTER? ;
derivation      : identifier '=' expression ;
renaming        : columnRef TO identifier ;
sortKey         : expression (ASC | DESC)? (NULLS (FIRST | LAST))? ;
// Windows (spec/language.md "Window functions"): `over (partition by ... order by ... rows between ...)`.
overClause      : OVER '(' (PARTITION BY expression (',' expression)*)? windowOrder? windowFrame? ')' ;
windowOrder     : ORDER BY sortKey (',' sortKey)* ;
keyOrder        : BY sortKey (',' sortKey)* ;
windowFrame     : ROWS BETWEEN frameBound AND frameBound ;
frameBound      : UNBOUNDED (PRECEDING | FOLLOWING) | CURRENT ROW | INTEGER (PRECEDING | FOLLOWING) ;
groupKey        : identifier '=' expression | columnRef ;
aggregateBlock  : '{' (aggregateItem (',' aggregateItem)* ','?)? '}' ;
aggregateItem   : (identifier ':')? expression ;
unit            : M | KM | MI | FT | M2 | KM2 | MI2 | HA | TIME_UNIT ;
columnRef       : identifier ('.' identifier)? ;
stepOptions     : '{' (stepOption (',' stepOption)* ','?)? '}' ;
stepOption      : identifier ':' expression ;

// ---------------------------------------------------------------------------------------
// Expressions: SQL-compatible. Two rules hold every operator, as flat lists of operands and
// operators: `expression` the boolean levels (or, and, prefix not, the predicate tails) and
// `value` the value levels (||, + and -, * / and %, prefix - and +, the :: cast). The
// precedence (spec/language.md) is applied by SyntaxTreeBuilder with loops, so a long chain
// such as a + b + c + ... is never a deep parse tree, and a name or a number costs three rule
// invocations instead of a dozen (one rule per precedence level made the parse tree most of the
// parser's time).

selectItem
    : '*'                                         # starItem
    | identifier '.' '*'                          # qualifiedStarItem
    | expression (AS? identifier)?                # expressionItem
    ;

expression      : NOT* value predicateTail* ((AND | OR) NOT* value predicateTail*)* ;
predicateTail
    : op=('=' | '==' | '<>' | '!=' | '<' | '<=' | '>' | '>=') value        # comparisonTail
    | IS NOT? NULL                                                         # isNullTail
    | NOT? IN '(' expression (',' expression)* ')'                         # inTail
    | NOT? BETWEEN value AND value                                         # betweenTail
    | NOT? LIKE value                                                      # likeTail
    ;
value           : ('-' | '+')* primary ('::' typeName)* (('||' | '+' | '-' | '*' | '/' | '%') ('-' | '+')* primary ('::' typeName)*)* ;

primary
    : number=(INTEGER | FLOAT) unit?                                       # numberLiteral
    | PARAMETER unit?                                                      # parameterRef
    | SQ_STRING                                                            # stringLiteral
    | (TRUE | FALSE)                                                       # booleanLiteral
    | NULL                                                                 # nullLiteral
    | kind=(DATE | TIMESTAMP | DECIMAL) SQ_STRING                          # typedLiteral
    | CASE operand=expression? whenClause+ (ELSE otherwise=expression)? END # caseExpression
    | CAST '(' expression AS typeName ')'                                  # castExpression
    | EXTRACT '(' identifier FROM expression ')'                           # extractExpression
    | qualifiedName '(' (DISTINCT? expression (',' expression)* windowOrder? | '*')? ')' overClause? # callExpression
    | qualifiedName                                                        # nameReference
    | '(' expression ')'                                                   # parenthesized
    ;

whenClause      : WHEN expression THEN expression ;
qualifiedName   : identifier ('.' identifier)* ;

// Names: plain, "double quoted" (SQL), `backticked` (BigQuery, Databricks), or a soft keyword.
identifier      : IDENTIFIER | DQ_STRING | BQ_IDENTIFIER | softKeyword ;

softKeyword
    : WORKFLOW | PARAM | CONST | SOURCE | TABLE | VALUES | LET | OUTPUT | MODE
    | FILTER | SPLIT | SELECT | DERIVE | RENAME | DROP | SORT | TAKE | LIMIT | DISTINCT
    | GROUP | BY | SUMMARIZE | JOIN | INNER | LEFT | RIGHT | FULL | OUTER | ON
    | SPATIAL_JOIN | SPATIAL_FILTER | NEAREST | WITHIN | UNION | NAME | BUFFER | CENTROID | AREA | DISTANCE | POINT
    | H3 | H3_BOUNDARY | RESOLUTION | SQL | CALL | WITH | WITHOUT | ASC | DESC | NULLS | FIRST | LAST
    | M | KM | MI | FT | M2 | KM2 | MI2 | HA | TIME_UNIT | RETURNS | TO | EXTRACT | FROM | COMPONENT | DATE | TIMESTAMP | DECIMAL | PRECISION | VARYING | TIME | ZONE
    | OVER | PARTITION | ORDER | ROWS | UNBOUNDED | PRECEDING | FOLLOWING | CURRENT | ROW | PER
    | ASSERT | UNIQUE | NOT_NULL | ACCEPTED_VALUES | EXPRESSION | IMPORT
    ;

// ---------------------------------------------------------------------------------------
// Lexer

// Reserved (SQL operators and literals)
AND: 'and'; OR: 'or'; NOT: 'not'; IS: 'is'; NULL: 'null'; IN: 'in'; BETWEEN: 'between';
LIKE: 'like'; CASE: 'case'; WHEN: 'when'; THEN: 'then'; ELSE: 'else'; END: 'end';
CAST: 'cast'; AS: 'as'; TRUE: 'true'; FALSE: 'false';

// Soft keywords
WORKFLOW: 'workflow'; PARAM: 'param'; CONST: 'const'; SOURCE: 'source'; TABLE: 'table'; VALUES: 'values';
LET: 'let'; OUTPUT: 'output'; MODE: 'mode';
FILTER: 'filter'; SPLIT: 'split'; SELECT: 'select'; DERIVE: 'derive'; RENAME: 'rename';
DROP: 'drop'; SORT: 'sort'; TAKE: 'take'; LIMIT: 'limit'; DISTINCT: 'distinct';
GROUP: 'group'; BY: 'by'; SUMMARIZE: 'summarize'; JOIN: 'join'; INNER: 'inner';
LEFT: 'left'; RIGHT: 'right'; FULL: 'full'; OUTER: 'outer'; ON: 'on';
SPATIAL_JOIN: 'spatial_join'; SPATIAL_FILTER: 'spatial_filter'; NEAREST: 'nearest'; WITHIN: 'within'; UNION: 'union'; NAME: 'name';
BUFFER: 'buffer'; CENTROID: 'centroid'; AREA: 'area'; DISTANCE: 'distance'; POINT: 'point';
H3: 'h3'; H3_BOUNDARY: 'h3_boundary'; RESOLUTION: 'resolution'; SQL: 'sql'; CALL: 'call';
WITH: 'with'; WITHOUT: 'without'; ASC: 'asc'; DESC: 'desc'; NULLS: 'nulls';
FIRST: 'first'; LAST: 'last';
M: 'm'; KM: 'km'; MI: 'mi'; FT: 'ft'; M2: 'm2'; KM2: 'km2'; MI2: 'mi2'; HA: 'ha';
// Interval units (7 days, 1 month): one token, the binder reads the word.
TIME_UNIT: 'year' 's'? | 'quarter' 's'? | 'month' 's'? | 'week' 's'? | 'day' 's'? | 'hour' 's'? | 'minute' 's'? | 'second' 's'?;
RETURNS: 'returns'; TO: 'to'; EXTRACT: 'extract'; FROM: 'from'; COMPONENT: 'component';
DATE: 'date'; TIMESTAMP: 'timestamp'; DECIMAL: 'decimal';
PRECISION: 'precision'; VARYING: 'varying'; TIME: 'time'; ZONE: 'zone';
OVER: 'over'; PARTITION: 'partition'; ORDER: 'order'; ROWS: 'rows'; UNBOUNDED: 'unbounded';
PRECEDING: 'preceding'; FOLLOWING: 'following'; CURRENT: 'current'; ROW: 'row'; PER: 'per';
ASSERT: 'assert'; UNIQUE: 'unique'; NOT_NULL: 'not_null'; ACCEPTED_VALUES: 'accepted_values'; EXPRESSION: 'expression';
IMPORT: 'import';

// Punctuation and operators
PIPE: '|'; CONCAT: '||'; ARROW: '->'; DOUBLE_COLON: '::'; COLON: ':'; COMMA: ',';
DOT: '.'; LPAREN: '('; RPAREN: ')'; LBRACE: '{'; RBRACE: '}'; LBRACKET: '['; RBRACKET: ']';
EQ: '='; EQ2: '=='; NEQ: '<>'; NEQ2: '!='; LT: '<'; LE: '<='; GT: '>'; GE: '>=';
PLUS: '+'; MINUS: '-'; STAR: '*'; SLASH: '/'; PERCENT: '%';

// Literals and names
INTEGER: DIGIT+;
FLOAT: DIGIT+ '.' DIGIT* EXPONENT? | '.' DIGIT+ EXPONENT? | DIGIT+ EXPONENT;
PARAMETER: '@' [a-z_] [a-z_0-9]*;
TRIPLE_STRING: '"""' .*? '"""';
SQ_STRING: '\'' (~['\r\n] | '\'\'')* '\'';
DQ_STRING: '"' (~["\r\n] | '""')* '"';
BQ_IDENTIFIER: '`' (~[`\r\n] | '``')* '`';
IDENTIFIER: [\p{L}_] [\p{L}\p{N}_$]*;

// Trivia
LINE_COMMENT: ('//' | '--') ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' .*? '*/' -> channel(HIDDEN);
// Skipped, not hidden: nothing reads whitespace, and a skipped token is never allocated.
WS: [ \t\r\n\f\u00A0\uFEFF]+ -> skip;

// Error tokens: reported with a precise message instead of a generic syntax error.
// (The bodies cannot contain the closing delimiter, so these only match when it never comes.)
UNTERMINATED_BLOCK_COMMENT: '/*' (~'*' | '*'+ ~[*/])* '*'* EOF;
UNTERMINATED_TRIPLE_STRING: '"""' (~'"' | '"' ~'"' | '""' ~'"')* ('"' | '""')? EOF;
UNTERMINATED_STRING: '\'' (~['\r\n] | '\'\'')* | '"' (~["\r\n] | '""')* | '`' (~[`\r\n] | '``')*;
ERROR_CHARACTER: .;

fragment DIGIT: [0-9];
fragment EXPONENT: 'e' [+-]? DIGIT+;

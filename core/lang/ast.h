#pragma once
// The syntax tree (a subset of Python 3.11's ast module). Nodes are plain structs with the
// fields their kind uses; positions are 1-based line/column.

#include <memory>
#include <string>
#include <vector>

#include "core/lang/source_pos.h"
#include "core/lang/value.h"
#include "core/util/diagnostic.h"

namespace taskscope::core::lang {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using StmtList = std::vector<StmtPtr>;

enum class ExprKind : uint8_t {
    Name,
    Constant,
    BoolOp,
    BinOp,
    UnaryOp,
    Compare,
    Call,
    Attribute,
    Subscript,
    Slice,
    List,
    Tuple,
    Dict,
    Set,
    ListComp,
    SetComp,
    DictComp,
    GeneratorExp,
    Lambda,
    IfExp,
    JoinedStr,
    FormattedValue,
    Starred,
    NamedExpr,
    Yield,
    YieldFrom,
};
enum class ExprCtx : uint8_t { Load, Store, Del };
enum class UnaryOpKind : uint8_t { Not, Neg, Pos, Invert };
enum class CompareKind : uint8_t { Lt, Le, Eq, Ne, Gt, Ge, Is, IsNot, In, NotIn };

struct Keyword {
    std::string name;  // empty for **expr
    ExprPtr value;
    SourcePos pos;
};

struct Comprehension {
    ExprPtr target;
    ExprPtr iter;
    std::vector<ExprPtr> ifs;
};

struct Arg {
    std::string name;
    SourcePos pos;
};

struct Arguments {
    std::vector<Arg> posonly;
    std::vector<Arg> args;
    std::vector<ExprPtr> defaults;  // for the last len(defaults) of posonly+args
    std::unique_ptr<Arg> vararg;
    std::vector<Arg> kwonly;
    std::vector<ExprPtr> kwDefaults;  // parallel to kwonly; null when required
    std::unique_ptr<Arg> kwarg;
};

struct Expr {
    ExprKind kind;
    SourcePos pos;
    SourcePos end;  // just after its last character (0: unknown), for tracebacks' carets
    ExprCtx ctx = ExprCtx::Load;
    std::string name;  // Name id, Attribute attr
    Value constant;    // Constant (int, float, str, bool, None, Ellipsis)
    int op =
        0;  // BinOp: BinOp; UnaryOp: UnaryOpKind; BoolOp: 0 and, 1 or; FormattedValue: conversion
    std::vector<CompareKind> cmpOps;
    ExprPtr a, b, c;  // operands (see parser for each kind)
    std::vector<ExprPtr>
        elts;  // List/Tuple/Set/Dict keys/Compare comparators/Call args/BoolOp/JoinedStr
    std::vector<ExprPtr> values;  // Dict values
    std::vector<Keyword> keywords;
    std::vector<Comprehension> generators;
    std::unique_ptr<Arguments> args;  // Lambda
    bool parenthesized = false;

    Expr(ExprKind k, SourcePos p) : kind(k), pos(p) {}
};

enum class StmtKind : uint8_t {
    FunctionDef,
    ClassDef,
    Return,
    Delete,
    Assign,
    AugAssign,
    AnnAssign,
    For,
    While,
    If,
    With,
    Raise,
    Try,
    Assert,
    Import,
    ImportFrom,
    Global,
    Nonlocal,
    ExprStmt,
    Pass,
    Break,
    Continue,
};

struct ExceptHandler {
    ExprPtr type;  // may be null (bare except)
    std::string name;
    StmtList body;
    SourcePos pos;
};

struct WithItem {
    ExprPtr context;
    ExprPtr target;  // may be null
};

struct Alias {
    std::string name;    // dotted for import
    std::string asname;  // may be empty
    SourcePos pos;
};

struct Stmt {
    StmtKind kind;
    SourcePos pos;
    std::string name;              // FunctionDef/ClassDef name, ImportFrom module
    std::vector<ExprPtr> targets;  // Assign targets, Delete targets
    ExprPtr value;                 // Assign/AugAssign/Return/ExprStmt value, Raise exc
    ExprPtr target;                // For/AugAssign/AnnAssign target
    ExprPtr test;                  // If/While/Assert test; Raise cause; For iter
    ExprPtr msg;                   // Assert message
    int op = 0;                    // AugAssign BinOp
    StmtList body, orelse, finalbody;
    std::vector<ExceptHandler> handlers;
    std::vector<WithItem> items;
    std::vector<ExprPtr> decorators;
    std::vector<ExprPtr> bases;       // ClassDef
    std::vector<Keyword> keywords;    // ClassDef
    std::unique_ptr<Arguments> args;  // FunctionDef
    std::vector<Alias> names;         // Import/ImportFrom/Global/Nonlocal (name only)
    int level = 0;                    // ImportFrom relative level

    Stmt(StmtKind k, SourcePos p) : kind(k), pos(p) {}
};

struct Module {
    StmtList body;
};

}  // namespace taskscope::core::lang

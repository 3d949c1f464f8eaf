package org.casebook.ops.imports;

/**
 * Something wrong with the files, where it is: the file, the line (1 is the header), the column (its
 * name in the format), a stable code and a message in the person's language.
 */
public record ImportProblem(String file, Integer line, String column, String code, String detail) {
}

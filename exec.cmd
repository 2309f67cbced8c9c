@rem Windows: npm runs package.json's scripts with cmd.exe, which has no exec; this runs the rest
@rem of the line, as exec does in sh. (In sh, exec makes the grader npm's own child, so that a
@rem signal npm passes on reaches it: sh keeps a SIGINT to itself until its command ends.)
@%*

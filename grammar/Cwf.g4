grammar Cwf;
program : 'workflow' STRING EOF ;
STRING : '"' (~["\\\r\n] | '\\' .)* '"' ;
WS : [ \t\r\n]+ -> skip ;

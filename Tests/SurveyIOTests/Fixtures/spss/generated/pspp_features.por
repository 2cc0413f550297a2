ASCII SPSS PORT FILE                    ASCII SPSS PORT FILE                    
ASCII SPSS PORT FILE                    ASCII SPSS PORT FILE                    
ASCII SPSS PORT FILE                    0000000000000000000000000000000000000000
0000000000000000000000000123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrst
uvwxyz .<(+|&[]!$*);^-/|,%_>?`:$@'="000000~-0000123456789000-()0{}\0000000000000
00000000000000000000000000000000000000000000000000000000SPSSPORTA8/202611216/063
5171E/GNU pspp 1.6.23J/x86_64-pc-linux-gnu62/WT4F/5B/70/2/ID5/4/0/5/4/0/CH/Respo
ndent number70/3/SEX5/1/0/5/1/0/89/CH/Sex of respondent70/3/AGE5/3/0/5/3/0/90/81
39/CC/Age in years70/8/HOUSEHOL5/B/2/5/B/2/B-39/-1/C12/Monthly household income 
(tenge)70/7/VISITEDK/B/0/K/B/0/CH/Date of interview70/5/STAMPM/K/0/M/K/0/CI/Star
t of interview70/3/DURL/8/0/L/8/0/C8/Duration7K/4/CITY1/K/0/1/K/0/88/unknown CH/
City of residence78F/7/COMMENT1/8F/0/1/8F/0/CH/Open answer: why?70/3/Q1A5/1/0/5/
1/0/CH/Watches Kazakh TV70/3/Q1B5/1/0/5/1/0/CI/Watches Russian TV70/3/Q1C5/1/0/5
/1/0/CH/Uses the internet70/2/WT5/9/4/5/9/4/CD/Design weight73/4/CODE1/3/0/1/3/0
/83/XX CF/Two-letter code72/4/LANG1/2/0/1/2/0/CL/Language of interviewD1/3/SEX3/
1/4/Male2/6/Female9/7/RefusedD1/3/AGE2/0/9/Not asked139/A/Don't knowD1/4/CITY2/K
/Almaty              C/Largest cityK/Astana              7/CapitalD1/3/Q1A2/0/2/
No1/3/YesD1/3/Q1B2/0/2/No1/3/YesD1/3/Q1C2/0/2/No1/3/YesD1/4/CODE3/3/AB A/Alpha B
eta3/CD D/Charlie Delta3/XX 7/UnknownD1/4/LANG3/2/en7/English2/kk6/Kazakh2/ru7/R
ussianE3/22/DOCUMENT 'Made by conformance/spss-fixtures.py for Barometer.'14/  '
Second line of the documents.'.O/   (Entered 21 Nov 2026)F1/1/14/1BK.F/J0JAO00/J
0JC600/600/K/Almaty              8F/Short answer                                
                                                                                
                                                                                
                                                   1/0/1/1.7F/3/AB 2/kk2/2/0/-39
/GMPJI00/GMPJI00/1/K/Astana              8F/                                    
                                                                                
                                                                                
                                                           0/0/1/.MF/3/XX 2/ru3/
9/139/*.I20KO00/I20NTTT/1I00/K/Шымкент      8F/Ответ на русск
ом языке, довольно длинный                                
                                                                                
                                                                     1/1/1/1/3/C
D 2/ru4/2/21/3DA/DLSC+3/DLSDI00/35TT/K/unknown             8F/A very long answer
 that goes on and on beyond two hundred and fifty five bytes so that it has to b
e stored as a very long string in segments: lorem ipsum dolor sit amet, consecte
tur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore mag0/1
/0/2.F/3/AB 2/en5/1/I/*.*.*.*.K/                    8F/Қазақша жауап
                                                                                
                                                                                
                                                                      1/1/0/.F/3
/   2/kkZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ

CREATE TABLE thing (id int PRIMARY KEY, name text NOT NULL);

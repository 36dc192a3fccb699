INSERT INTO thing (id, name) VALUES (1, 'demo') ON CONFLICT (id) DO NOTHING;

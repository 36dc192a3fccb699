-- Demo catalog, applied only when DEMO_DATA=true (the run command's default on the embedded
-- database): five titles and two products, so a newcomer can walk the whole viewer journey at
-- once. Fixed ids and ON CONFLICT DO NOTHING: it only adds what is missing and never brings back
-- a row a manager has since edited or deleted.
INSERT INTO content.movie (id, title, description, creation_date, rating, type) VALUES
    ('00000000-0000-4000-8000-000000000101', 'The Silent Reel', 'A projectionist finds a film that plays only at night.', '2019-03-14', 81, 'movie'),
    ('00000000-0000-4000-8000-000000000102', 'Harbour Lights', 'Two sisters run a lighthouse cinema on a northern coast.', '2021-07-02', 74, 'movie'),
    ('00000000-0000-4000-8000-000000000103', 'Orbit of Ash', 'A cargo pilot adrift between two moons.', '2022-11-20', 88, 'movie'),
    ('00000000-0000-4000-8000-000000000104', 'Night Shift', 'A hospital drama in eight episodes.', '2020-01-10', 69, 'tv_show'),
    ('00000000-0000-4000-8000-000000000105', 'Paper Cities', 'Architects rebuild a town from its old postcards.', '2023-05-05', 77, 'tv_show')
ON CONFLICT (id) DO NOTHING;

INSERT INTO content.product (id, name, description, price, currency, period) VALUES
    ('00000000-0000-4000-8000-000000000201', 'Feature films, monthly', 'Every feature film of the catalog for a month.', 299.00, 'RUB', 'month'),
    ('00000000-0000-4000-8000-000000000202', 'Series day pass', 'All series for one day.', 49.00, 'RUB', 'day')
ON CONFLICT (id) DO NOTHING;

INSERT INTO content.product_movie (id, product_id, movie_id) VALUES
    ('00000000-0000-4000-8000-000000000301', '00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000101'),
    ('00000000-0000-4000-8000-000000000302', '00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000102'),
    ('00000000-0000-4000-8000-000000000303', '00000000-0000-4000-8000-000000000201', '00000000-0000-4000-8000-000000000103'),
    ('00000000-0000-4000-8000-000000000304', '00000000-0000-4000-8000-000000000202', '00000000-0000-4000-8000-000000000104'),
    ('00000000-0000-4000-8000-000000000305', '00000000-0000-4000-8000-000000000202', '00000000-0000-4000-8000-000000000105')
ON CONFLICT (id) DO NOTHING;

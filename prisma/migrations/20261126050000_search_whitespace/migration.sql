-- Search normalization also collapses runs of spaces, so "Casa & Estilo" is found by "casa estilo".
CREATE OR REPLACE FUNCTION search_normalize(input TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
  SELECT btrim(regexp_replace(
    regexp_replace(
      lower(translate(
        input,
        'áàâãäåāéèêëēíìîïīóòôõöøōúùûüūçñýÿÁÀÂÃÄÅĀÉÈÊËĒÍÌÎÏĪÓÒÔÕÖØŌÚÙÛÜŪÇÑÝ',
        'aaaaaaaeeeeeiiiiiooooooouuuuucnyyaaaaaaaeeeeeiiiiiooooooouuuuucny'
      )),
      '[^a-z0-9 ]+', '', 'g'
    ),
    ' +', ' ', 'g'
  ))
$$;

-- Recompute the stored search text with the new rule (the trigger fires on UPDATE OF name).
UPDATE "customers" SET "name" = "name";

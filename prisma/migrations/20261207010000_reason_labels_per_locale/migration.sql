-- AlterTable: a reason's label in English beside the Portuguese one (DESIGN.md §7, "Language").
-- Where it is missing the Portuguese label is shown.
ALTER TABLE "reasons" ADD COLUMN "label_en" VARCHAR(120);

-- The reasons the demo seed has always written get their English labels.
UPDATE "reasons" SET "label_en" = CASE "label"
    WHEN 'Pendência financeira' THEN 'Outstanding payment'
    WHEN 'Violação de contrato' THEN 'Breach of contract'
    WHEN 'Solicitação do lojista' THEN 'Retailer''s request'
    WHEN 'Lojista deixou de ser cliente' THEN 'Retailer is no longer a customer'
    WHEN 'Fraude' THEN 'Fraud'
    WHEN 'Encerramento de contrato' THEN 'End of contract'
    WHEN 'Outro' THEN 'Other'
  END
 WHERE "label_en" IS NULL;

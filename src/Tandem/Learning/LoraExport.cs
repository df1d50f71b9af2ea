using System.Globalization;
using System.Text;

namespace Tandem.Learning;

/// <summary>
/// The self-hosted path: a dataset in Hugging Face messages form plus ready LoRA training
/// configurations for Axolotl and for TRL's <c>trl sft</c>, and the commands to train, serve the
/// adapter with vLLM and register it in Tandem. Nothing here trains; the files go to a GPU
/// machine.
/// </summary>
public static class LoraExport
{
    /// <summary>Writes the export into <paramref name="folder"/> and returns the files written.</summary>
    public static IReadOnlyList<string> Write(string trainPath, string? validationPath, string baseModel, int epochs, string adapterName, string folder)
    {
        if (!File.Exists(trainPath))
        {
            throw new TandemException($"training file not found: {trainPath}", "build one with 'tandem dataset build --format hf-messages'");
        }

        if (string.IsNullOrWhiteSpace(adapterName) || adapterName.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            throw new TandemException($"adapter name '{adapterName}' must be letters, digits, '-' or '_'", "e.g. --name contracts-2026q4");
        }

        Directory.CreateDirectory(folder);
        var written = new List<string>();
        void Put(string name, string content)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path + ".tmp", content);
            File.Move(path + ".tmp", path, overwrite: true);
            written.Add(path);
        }

        void Copy(string source, string name)
        {
            var path = Path.Combine(folder, name);
            File.Copy(source, path + ".tmp", overwrite: true);
            File.Move(path + ".tmp", path, overwrite: true);
            written.Add(path);
        }

        Copy(trainPath, "train.jsonl");
        var hasValidation = validationPath is not null && File.Exists(validationPath) && new FileInfo(validationPath).Length > 0;
        if (hasValidation)
        {
            Copy(validationPath!, "valid.jsonl");
        }

        var us = CultureInfo.InvariantCulture;
        Put("axolotl.yaml", string.Create(us, $"""
            # Axolotl LoRA fine-tune of {baseModel} on Tandem's review dataset: axolotl train axolotl.yaml
            base_model: {baseModel}
            chat_template: tokenizer_default
            datasets:
              - path: train.jsonl
                type: chat_template
                field_messages: messages
                message_property_mappings:
                  role: role
                  content: content
            {(hasValidation ? "test_datasets:\n  - path: valid.jsonl\n    type: chat_template\n    field_messages: messages\n    split: train\n" : "val_set_size: 0.05\n")}train_on_inputs: false
            adapter: lora
            lora_r: 16
            lora_alpha: 32
            lora_dropout: 0.05
            lora_target_linear: true
            sequence_len: 8192
            sample_packing: true
            micro_batch_size: 2
            gradient_accumulation_steps: 8
            num_epochs: {epochs}
            learning_rate: 0.0002
            optimizer: adamw_torch
            lr_scheduler: cosine
            bf16: auto
            output_dir: ./out/{adapterName}

            """));
        Put("trl-sft.yaml", string.Create(us, $"""
            # TRL supervised fine-tune with LoRA: trl sft --config trl-sft.yaml
            model_name_or_path: {baseModel}
            dataset_name: json
            dataset_config: null
            dataset_train_split: train
            data_files:
              train: train.jsonl{(hasValidation ? "\n  validation: valid.jsonl" : "")}
            assistant_only_loss: true
            use_peft: true
            lora_r: 16
            lora_alpha: 32
            lora_dropout: 0.05
            lora_target_modules: all-linear
            max_length: 8192
            per_device_train_batch_size: 2
            gradient_accumulation_steps: 8
            num_train_epochs: {epochs}
            learning_rate: 0.0002
            lr_scheduler_type: cosine
            bf16: true
            output_dir: ./out/{adapterName}

            """));
        var readme = new StringBuilder();
        readme.AppendLine(us, $"# LoRA export: {adapterName}").AppendLine();
        readme.AppendLine(us, $"Base model `{baseModel}`, {epochs} epochs. Train with one of:").AppendLine();
        readme.AppendLine("    axolotl train axolotl.yaml");
        readme.AppendLine("    trl sft --config trl-sft.yaml").AppendLine();
        readme.AppendLine("Serve the adapter with vLLM and register it in Tandem:").AppendLine();
        readme.AppendLine(us, $"    vllm serve {baseModel} --enable-lora --lora-modules {adapterName}=./out/{adapterName}");
        readme.AppendLine(us, $"    tandem models register --endpoint http://<host>:8000/v1 --model {adapterName} --base {baseModel}");
        Put("README.md", readme.ToString());
        return written;
    }
}
